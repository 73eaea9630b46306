/**
 * SciJava commands, the twins of the ImageJ menu commands for scripts and headless runs through
 * a {@code Context}. They have no menu path on purpose: the ImageJ 1 plugins own the menus, so
 * Fiji lists each command once. Inputs and outputs are ImageJ and ImgLib2 images; the work is
 * the core's.
 */
package org.colorize.command;
