/**
 * Putting files in place safely: every output, table, checkpoint and card is written under a
 * hidden temporary sibling and moved into place in one step, so an interrupted run leaves no
 * half-written file and an existing file is never replaced unless asked for.
 */
package org.colorize.files;
