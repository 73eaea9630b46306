package org.colorize.importer;

/** Python's {@code None} in an unpickled value (Java collections would hide a null). */
enum PyNone {
    NONE
}
