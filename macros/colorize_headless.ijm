// Headless use (no display): ImageJ's run() and open() need a display, call(...) does not.
//   java -Djava.awt.headless=true -cp "ij.jar:plugins/*:jars/*" ij.ImageJ -batch colorize_headless.ijm "in.tif out.png"
args = split(getArgument(), " ");
result = call("org.colorize.ij.ColorizePlugin.colorize", "input=[" + args[0] + "] output=[" + args[1] + "] device=auto");
print(result);
if (startsWith(result, "error")) exit(result);
