/**
 * What the core runs on: DJL's TensorFlow engine (loaded once, offline, through the project's
 * class loader), the device choice, and the {@link org.colorize.runtime.Workers} that row loops
 * split their rows over, stopping on a {@link org.colorize.runtime.CancelToken}.
 */
package org.colorize.runtime;
