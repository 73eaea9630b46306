// Cuts an image into its left half (as 2×4 tiles, the training set) and its right half (the test
// image). Used by scripts/ihc-experiment; arguments: "IMAGE OUTDIR".
args = split(getArgument(), " ");
setBatchMode(true);
open(args[0]);
source = getImageID();
w = getWidth(); h = getHeight();
half = floor(w / 2);
tw = floor(half / 2); th = floor(h / 4);
for (row = 0; row < 4; row++) {
    for (col = 0; col < 2; col++) {
        selectImage(source);
        makeRectangle(col * tw, row * th, tw, th);
        run("Duplicate...", "title=tile");
        saveAs("PNG", args[1] + "/train/left-" + row + "-" + col + ".png");
        close();
    }
}
selectImage(source);
makeRectangle(half, 0, w - half, h);
run("Duplicate...", "title=right");
saveAs("PNG", args[1] + "/truth/ihc-right.png");
print("left half: 8 tiles of " + tw + "x" + th + "; right half " + (w - half) + "x" + h);
