package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DebianCopyrightTest {

    static final String DEP5 = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
            Upstream-Name: photos
            Source: https://example.org/photos

            Files: *
            Copyright: 2020 The Photo Team
            License: GPL-2+

            Files: data/wallpapers/*.jpg
                   data/extra/sunset.png
            Copyright: 2019 A. Photographer
            License: CC-BY-SA-4.0
             This license text continues
             .
             over several lines.

            Files: src/activities/fish/resource/fish3.jpg
            Copyright: Someone
            License: CC-BY-2.0

            Files: 16.04/Dragonfly_by_Bolly.jpg
            Copyright: Bolly
            License: CC0-1.0

            Files: data/tracks/road/forza/*
            Copyright: Track Author
            License: Free-Art-License

            License: GPL-2+
             On Debian systems the full text is in /usr/share/common-licenses/GPL-2.
            """;

    private final DebianCopyright c = DebianCopyright.parse(DEP5);

    @Test
    void aFileTakesTheLicenseOfTheMostSpecificMatchingStanza() {
        assertTrue(c.machineReadable());
        assertEquals(new DebianCopyright.LicenseMatch("CC-BY-SA-4.0", "path"),
                c.licenseFor("usr/share/photos/data/wallpapers/lake.jpg"), "installed path ends with the source path");
        assertEquals("CC-BY-SA-4.0", c.licenseFor("usr/share/photos/data/extra/sunset.png").license(), "second pattern of the stanza");
        assertEquals(new DebianCopyright.LicenseMatch("GPL-2+", "default"), c.licenseFor("usr/share/photos/data/wallpapers/lake.png"),
                "*.jpg does not cover a .png: falls back to Files: *");
        assertEquals(new DebianCopyright.LicenseMatch("GPL-2+", "default"), c.licenseFor("usr/share/photos/other/x.jpg"));
        assertEquals("GPL-2+", c.overallLicense());
    }

    @Test
    void installedPathsThatDifferFromTheSourceTreeStillFindTheirStanza() {
        assertEquals(new DebianCopyright.LicenseMatch("CC-BY-2.0", "path~ext"),
                c.licenseFor("usr/share/gcompris-qt/rcc/gcompris/src/activities/fish/resource/fish3.webp"), "converted to WebP");
        assertEquals(new DebianCopyright.LicenseMatch("CC0-1.0", "name"), c.licenseFor("usr/share/backgrounds/Dragonfly_by_Bolly.jpg"));
        assertEquals(new DebianCopyright.LicenseMatch("Free-Art-License", "partial"),
                c.licenseFor("usr/share/games/torcs/tracks/road/forza/asphalt.png"), "data/ prefix not installed");
        assertEquals("GPL-2+", c.licenseFor("usr/share/games/torcs/tracks/road/other/asphalt.png").license());
    }

    @Test
    void globsFollowTheCopyrightFormat() {
        assertTrue(DebianCopyright.globToRegex("a/*.jpg").matcher("a/b/c.jpg").matches(), "* crosses '/'");
        assertTrue(DebianCopyright.globToRegex("a/?.jpg").matcher("a/x.jpg").matches());
        assertFalse(DebianCopyright.globToRegex("a/?.jpg").matcher("a/xy.jpg").matches());
        assertTrue(DebianCopyright.globToRegex("a/(x)+.jpg").matcher("a/(x)+.jpg").matches(), "regex characters are literal");
    }

    @Test
    void withoutAFilesStarStanzaUnlistedFilesAreUnknown() {
        DebianCopyright listed = DebianCopyright.parse("""
                Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

                Files: warty-final-ubuntu.png
                Copyright: 2004 Someone
                License: CC-BY-SA-3.0

                Files: 20.04/Kleiber_by_Lukas_Baubkus.jpg
                Copyright: Lukas Baubkus
                License: CC-BY-SA-4.0
                """);
        assertEquals("CC-BY-SA-4.0", listed.licenseFor("usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg").license());
        assertEquals(new DebianCopyright.LicenseMatch("unknown (no Files: * stanza)", "default"),
                listed.licenseFor("usr/share/backgrounds/Other.jpg"), "not the first stanza's license");
    }

    @Test
    void freeFormFilesGiveABestGuessOverallLicense() {
        DebianCopyright free = DebianCopyright.parse("""
                This package was debianized by someone.

                License:

                    This package is free software; you can redistribute it and/or modify
                    it under the terms of the GNU General Public License as published by
                    the Free Software Foundation; either version 2 of the License, or
                    (at your option) any later version.
                """);
        assertFalse(free.machineReadable());
        assertEquals(new DebianCopyright.LicenseMatch("GPL-2+", "freeform"), free.licenseFor("usr/share/x/demo/a.jpg"));
    }

    @Test
    void aLicenseFieldWithoutShortNameIsQuoted() {
        DebianCopyright odd = DebianCopyright.parse("""
                Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

                Files: *
                Copyright: 2012 The team
                License:
                 Our code is based on a permissive license of our own.
                """);
        assertTrue(odd.overallLicense().startsWith("custom: Our code is based"), odd.overallLicense());
    }
}
