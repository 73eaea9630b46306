// Colorize every image of a folder into another folder, in batch mode.
// Results are new files <name>-colorized.png (or .tif for 16/32-bit input and stacks);
// existing files are never overwritten: such images are skipped with a note in the Log.
input = getDirectory("Folder of gray images");
output = getDirectory("Folder for the colorized images");
list = getFileList(input);
setBatchMode(true);
for (i = 0; i < list.length; i++) {
    if (endsWith(list[i], "/")) continue;
    open(input + list[i]);
    source = getImageID();
    run("Colorize...", "model=default device=auto upsample=bilinear");
    if (getImageID() != source) {
        name = File.nameWithoutExtension;
        if (bitDepth() == 24 && nSlices == 1) path = output + name + "-colorized.png";
        else path = output + name + "-colorized.tif";
        if (File.exists(path)) print("skipped (exists): " + path);
        else if (bitDepth() == 24 && nSlices == 1) saveAs("PNG", path);
        else saveAs("Tiff", path);
        close();
    }
    selectImage(source);
    close();
    showProgress(i + 1, list.length);
}
setBatchMode(false);
print("Colorized " + list.length + " files into " + output);
