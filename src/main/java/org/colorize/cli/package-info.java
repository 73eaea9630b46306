/**
 * The headless command line ({@code ./colorize}): {@link org.colorize.cli.Main} dispatches to
 * colorize (files or folders → an output folder), {@code models}, {@code evaluate},
 * {@code train}, {@code corpus} and {@code bench}. Each subcommand parses its arguments with
 * {@link org.colorize.CommandLineArgs}, calls the UI-free core, reports progress on stderr and
 * returns 0 (all fine), 1 (some input failed) or 2 (bad usage).
 */
package org.colorize.cli;
