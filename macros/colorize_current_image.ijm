// Colorize the current image with the default model and keep the result open.
// Every option can be left out; "model=default" uses the model marked default.
// Recorded form (Plugins > Macros > Record...) of Plugins > Colorize > Colorize...:
run("Colorize...", "model=default device=auto upsample=bilinear temperature=default vividness=default");
