package org.colorize.importer;

/** The two file formats {@code torch.save} has written. */
public enum CheckpointFormat {
    /** PyTorch ≥ 1.6: a zip archive {@code NAME/data.pkl} + {@code NAME/data/KEY} storages. */
    ZIP("zip (PyTorch >= 1.6)"),
    /** PyTorch < 1.6 (and {@code _use_new_zipfile_serialization=False}): pickles followed by raw storages. */
    LEGACY("legacy (PyTorch < 1.6)");

    private final String description;

    CheckpointFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
