package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class CorpusOptionsTest {

    @Test
    void defaults() {
        CorpusOptions o = CorpusOptions.parse(new String[0]);
        assertEquals(Paths.get("corpus"), o.out());
        assertEquals(1024, o.maxSide());
        assertEquals(CorpusSources.TRAINING, o.packages());
    }

    @Test
    void parsesEveryOption() {
        CorpusOptions o = CorpusOptions.parse(new String[] {"--out", "x", "--max-side=512", "--packages", "scratch,mate-backgrounds",
                "--threads", "1", "--force"});
        assertEquals(Paths.get("x"), o.out());
        assertEquals(512, o.maxSide());
        assertEquals(1, o.threads());
        assertTrue(o.force());
        assertEquals(2, o.packages().size());
        assertEquals("mate-backgrounds", o.packages().get(0).name(), "registry order, not command-line order");
    }

    @Test
    void errorsNameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorpusOptions.parse(new String[] {"--max-sdie", "5"}))
                .getMessage().contains("--max-sdie"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CorpusOptions.parse(new String[] {"--packages", "gimp"}))
                .getMessage().contains("'gimp'"));
        assertThrows(IllegalArgumentException.class, () -> CorpusOptions.parse(new String[] {"--max-side", "64"}));
        assertThrows(IllegalArgumentException.class, () -> CorpusOptions.parse(new String[] {"--max-side"}));
    }

    @Test
    void registryRulesSelectWhatTheyShould() {
        SourcePackage gc = CorpusSources.byName("gcompris-qt-data");
        assertEquals(Kind.SCENE, gc.kindOf("usr/share/gcompris-qt/rcc/erase.rcc!gcompris/src/activities/erase/resource/bee.webp"));
        assertEquals(null, gc.kindOf("usr/share/gcompris-qt/rcc/paintings.rcc!gcompris/src/activities/paintings/resource/x.webp"));
        assertEquals(null, gc.kindOf("usr/share/gcompris-qt/rcc/details.rcc!gcompris/src/activities/details/resource/image/Gogh4_background.webp"));
        assertTrue(gc.mayLookInside("usr/share/gcompris-qt/rcc/erase.rcc"));
        assertTrue(!gc.mayLookInside("usr/share/gcompris-qt/rcc/lang.rcc"));
        SourcePackage ufo = CorpusSources.byName("ufoai-textures");
        assertEquals(Kind.SURFACE, ufo.kindOf("usr/share/games/ufoai/base/0textures.pk3!textures/tex_nature/grass01.jpg"));
        assertEquals(null, ufo.kindOf("usr/share/games/ufoai/base/0textures.pk3!textures/tex_nature/grass01_nm.png"));
        assertEquals("grace_hopper", CorpusSources.stem("usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg"));
    }
}
