package org.colorize.train.corpus;

import static org.colorize.train.corpus.Kind.CUTOUT;
import static org.colorize.train.corpus.Kind.SCENE;
import static org.colorize.train.corpus.Kind.SURFACE;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.colorize.train.corpus.SourcePackage.Rule;

/**
 * The ordered registry of the corpus' Debian packages and of the public evaluation
 * images. Order matters only to break ties between identical pictures from two packages.
 *
 * <p>The include/exclude patterns were chosen by looking at contact sheets of every image each
 * package holds (Debian 12 "bookworm" versions): wallpapers that are digital art or logos,
 * drawn backgrounds, paintings, puzzle pieces, UI screenshots and diagrams are left out here,
 * since no pixel statistic separates a painting or a rendered wallpaper from a photograph. The
 * automatic filters ({@link PhotoFilter}) then remove what is tiny, gray or flat-colored.
 */
public final class CorpusSources {
    private CorpusSources() {
    }

    private static final String IMG = "\\.(?i:jpe?g|png|webp)";

    public static final List<SourcePackage> TRAINING = List.of(
            SourcePackage.of("lomiri-wallpapers-16.04", ".*/umang_by_[^/]*",
                    "Ubuntu 16.04 wallpaper contest photos",
                    Rule.of("usr/share/backgrounds/[^/]+" + IMG, SCENE)),
            SourcePackage.of("lomiri-wallpapers-20.04", ".*/(Fossa|Infinite-Sea|Painting-Colors)_by_[^/]*",
                    "Ubuntu 20.04 wallpapers (the photos only)",
                    Rule.of("usr/share/backgrounds/[^/]+" + IMG, SCENE)),
            SourcePackage.of("lxqt-themes",
                    ".*/(kde-plasma|lxqt-origami-green|origami-[a-z-]+|plasma-logo-[a-z]+|plasma_arch|simple_blue_widescreen"
                            + "|triangles(-logo)?|waves(-purple)?-logo)\\.(png|jpg)",
                    "LXQt wallpapers (the photos only)",
                    Rule.of("usr/share/lxqt/wallpapers/[^/]+" + IMG, SCENE)),
            SourcePackage.of("mate-backgrounds", null,
                    "MATE backgrounds: nature/ only (abstract/ and desktop/ are graphics)",
                    Rule.of("usr/share/backgrounds/mate/nature/[^/]+" + IMG, SCENE)),
            SourcePackage.of("plasma-workspace-wallpapers", null,
                    "KDE Plasma wallpapers: the 12 photographic ones (the others are digital art)",
                    Rule.of("usr/share/wallpapers/(BytheWater|ColdRipple|ColorfulCups|DarkestHour|EveningGlow|FallenLeaf"
                            + "|Grey|Kite|OneStandsOut|Path|Volna|summer_1am)/contents/images/[^/]+" + IMG, SCENE)),
            SourcePackage.of("palapeli-data", null,
                    "Palapeli puzzle photos; its table backgrounds are textures",
                    Rule.of("usr/share/palapeli/collection/[^/]+" + IMG, SCENE),
                    Rule.of("usr/share/palapeli/backgrounds/[^/]+" + IMG, SURFACE)),
            SourcePackage.of("kphotoalbum", null,
                    "KPhotoAlbum demo album (rotations from its index.xml applied)",
                    Rule.of("usr/share/kphotoalbum/demo/.+" + IMG, SCENE)),
            SourcePackage.of("gcompris-qt-data",
                    ".*!.*/details/resource/image/(Gogh|Van_Gogh|VincentVanGogh|PortraitOfPereTanguy|Eglise_dAuvers)[^/]*",
                    "GCompris: WebP photos inside its Qt resource bundles (objects, animals, monuments, music);"
                            + " drawings, paintings and puzzle pieces left out",
                    Rule.of("usr/share/gcompris-qt/rcc/(categorization|explore_monuments|explore_world_animals"
                            + "|explore_farm_animals|explore_world_music|erase|clickgame)\\.rcc!.*" + IMG, SCENE),
                    Rule.of("usr/share/gcompris-qt/rcc/details\\.rcc!.*/[^/]+_background" + IMG, SCENE)),
            SourcePackage.of("scratch",
                    ".*/Backgrounds/.*/(party-room|room[123]|spotlight-stage|woods-and-bench|school2|basketball-court2)\\.[a-z]+"
                            + "|.*/Costumes/.*/skull1\\.png",
                    "Scratch 1.4 media: photo backgrounds; costumes (cartoons mostly, removed as flat-colored)",
                    Rule.of("usr/share/scratch/Media/Backgrounds/.+" + IMG, SCENE),
                    Rule.of("usr/share/scratch/Media/Costumes/.+" + IMG, CUTOUT)),
            SourcePackage.of("opencv-doc",
                    "(?i).*/(.*logo.*|happyfish|pic[1-6]|cards|detect_blob|gradient|notes|imagetext[nr]|ml|mask|templ|tmpl"
                            + "|digits|ellipses|sudoku|text_.*|chessboard|blender_suzanne[12]|aloegt|starry_night|pca_test1"
                            + "|smarties|box|box_in_scene|blox)\\.(jpg|png)",
                    "OpenCV sample data (photos; test patterns, logos, renders and a painting left out)",
                    Rule.of("usr/share/doc/opencv-doc/examples/data/[^/]+" + IMG, SCENE)),
            SourcePackage.of("hugin-data",
                    "(?i).*/[^/]*(hugin-?20|celeste|autopano|fast_preview|simplegui|layout|panoglview|interpolate|flags"
                            + "|illustration|field-of-view|cubic|sb_|ca_artifical)[^/]*",
                    "Hugin manual: panorama photos (UI screenshots and diagrams left out; its icons are not photos)",
                    Rule.of("usr/share/hugin/xrc/data/help_en_EN/[^/]+" + IMG, SCENE)),
            SourcePackage.of("fotoxx-common", ".*/(geometry\\d*|mazes|pattern|pattern_\\d+|confetti|rings-green)\\.[a-z]+",
                    "Fotoxx: its manual images are almost all UI screenshots and effect demos; only the"
                            + " texture patterns are used",
                    Rule.of("usr/share/fotoxx/data/patterns/[^/]+" + IMG, SURFACE)),
            SourcePackage.of("ruby-rmagick-doc", "(?i).*/(no|snake|image_with_profile)\\.(png|jpg)",
                    "RMagick example photos (clip art left out)",
                    Rule.of("usr/share/doc/ruby-rmagick-doc/html/ex/images/[^/]+" + IMG, SCENE)),
            SourcePackage.of("tuxpaint-stamps-default",
                    ".*/stamps/(symbols|town/houses/cartoon|town/roadsigns)/.*|.*_mirror\\.png"
                            + "|.*/(Santa|bunny|bunny-egg|button|chick|chick-hatched|dinosaurSings|tux_tractor|wings)\\.png",
                    "Tux Paint stamps: objects with alpha (letters, signs, cartoons and mirrored copies left out)",
                    Rule.of("usr/share/tuxpaint/stamps/.+\\.png", CUTOUT)),
            SourcePackage.of("torcs-data",
                    "(?i).*/[^/]*(logo|advert|crowd|truck|time[12]|dist0|mycast|ref|improveyou|megafuel|sign|turn\\d|tr-spec"
                            + "|toilette|ambush)[^/]*\\.png",
                    "TORCS track textures (asphalt, grass, walls, sky panoramas; logos, adverts and signs left out)",
                    Rule.of("usr/share/games/torcs/tracks/.+\\.png", SURFACE)),
            SourcePackage.of("ufoai-textures",
                    ".*!textures/(tex_common|tex_pics|tex_ufo|tex_alienb|tex_tech|tex_lights|tex_anim)/.*"
                            + "|.*_(nm|sm|gm|g|mq|h|s|e)\\.(png|jpg)|(?i).*/[^/]*(sign|screen|display|poster|radio|tv_|logo)[^/]*",
                    "UFO:AI textures in base/0textures.pk3 (normal/specular/glow maps, pictures, signs, screens and"
                            + " alien/UFO parts left out)",
                    Rule.of("usr/share/games/ufoai/base/[^/]+\\.pk3!textures/.+" + IMG, SURFACE)),
            SourcePackage.of("enlightenment-data",
                    ".*/(Flat-Fan|Flat-Stone-Pattern|Squiggle[^/]*)\\.edj!.*",
                    "Enlightenment wallpapers: the full-size JPEG inside each .edj (Eet) file; the flat and"
                            + " squiggle graphics left out",
                    Rule.of("usr/share/enlightenment/data/backgrounds/[^/]+\\.edj!image\\.jpg", SCENE)),
            SourcePackage.of("labelme-examples", ".*/primitives/.*",
                    "labelme examples: the annotated PASCAL VOC and video photos (copies in the exported"
                            + " datasets are duplicates; the primitives drawing left out)",
                    Rule.of("usr/share/doc/labelme-examples/examples/[^/]+/data_annotated/[^/]+" + IMG, SCENE),
                    Rule.of("usr/share/doc/labelme-examples/examples/tutorial/[^/]+" + IMG, SCENE)),
            SourcePackage.of("scribus-template", null,
                    "Scribus templates: the photos placed in them (the template previews are drawings)",
                    Rule.of("usr/share/scribus/templates/[^/]+/[^/]+\\.(?i:jpe?g)", SCENE)),
            SourcePackage.of("puzzle-jigsaw", null, "puzzle-jigsaw sample photos",
                    Rule.of("usr/share/puzzle-jigsaw/samples/[^/]+" + IMG, SCENE)));

    /** The public evaluation images: never trained on, by name or by content. */
    public static final List<SourcePackage> EVALUATION = List.of(
            SourcePackage.of("python3-skimage", null, "scikit-image data",
                    Rule.of("usr/lib/python3/dist-packages/skimage/data/"
                            + "(astronaut\\.png|coffee\\.png|chelsea\\.png|rocket\\.jpg|motorcycle_left\\.png|retina\\.jpg|ihc\\.png)", SCENE)),
            SourcePackage.of("python3-sklearn", null, "scikit-learn sample images",
                    Rule.of("usr/lib/python3/dist-packages/sklearn/datasets/images/(china|flower)\\.jpg", SCENE)),
            SourcePackage.of("python-matplotlib-data", null, "matplotlib sample data",
                    Rule.of("usr/share/matplotlib/mpl-data/sample_data/grace_hopper\\.jpg", SCENE)),
            SourcePackage.of("darknet", null, "darknet's sample photos (its scream.jpg is a painting)",
                    Rule.of("usr/share/darknet/data/(dog|horses|person|giraffe|kite|eagle)\\.jpg", SCENE)));

    /** File names (without extension, lower case) of the evaluation images. */
    public static final Set<String> EVALUATION_NAMES = Set.of("astronaut", "coffee", "chelsea", "rocket",
            "motorcycle_left", "retina", "ihc", "china", "flower", "grace_hopper", "dog", "horses", "person", "giraffe", "kite",
            "eagle");

    /** The file name without folders and extension, lower case ("BUNDLE!dir/x.webp" gives "x"). */
    public static String stem(String logicalPath) {
        String base = logicalPath.substring(Math.max(logicalPath.lastIndexOf('/'), logicalPath.lastIndexOf('!')) + 1);
        int dot = base.lastIndexOf('.');
        return (dot > 0 ? base.substring(0, dot) : base).toLowerCase(Locale.ROOT);
    }

    public static SourcePackage byName(String name) {
        for (SourcePackage p : TRAINING) if (p.name().equals(name)) return p;
        for (SourcePackage p : EVALUATION) if (p.name().equals(name)) return p;
        return null;
    }

    static final Pattern ICON_PATH = Pattern.compile("(?i).*(/icons?/|/pixmaps/|favicon|[-_/]icon[-_.]).*");
}
