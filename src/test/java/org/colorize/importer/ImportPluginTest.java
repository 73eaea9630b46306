package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.ij.ImportPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins › Colorize › Import Model... through its headless {@code call(...)} entry (same keys as the macro). */
class ImportPluginTest {
    @TempDir
    Path tmp;

    @Test
    void importsFromMacroOptionsAndRefusesHostileFiles() throws Exception {
        Path folder = tmp.resolve("models/eccv16-tiny");
        String result = ImportPlugin.importModel("file=[" + Fixtures.path("eccv16-zip.pth") + "] arch=eccv16 model=[" + folder + "]");
        assertEquals(folder.toString(), result);
        assertTrue(Files.isRegularFile(folder.resolve("model.json")));

        Path evil = tmp.resolve("evil.pth");
        PickleBytes.writeZip(evil, PickleBytes.protocol(2).global("subprocess", "Popen").str("id").op(0x85).reduce().stop().bytes(), null);
        Path refused = tmp.resolve("models/evil");
        result = ImportPlugin.importModel("file=[" + evil + "] arch=siggraph17 model=[" + refused + "]");
        assertTrue(result.startsWith("error: evil.pth refused") && result.contains("subprocess.Popen"), result);
        assertFalse(Files.exists(refused));

        result = ImportPlugin.importModel("file=[" + evil + "] arch=pix2pix model=x");
        assertTrue(result.startsWith("error: arch=: unknown architecture 'pix2pix'"), result);

        // instcolor: the three files; a hostile fusion file is refused like any other
        String gcomp = Fixtures.path("instcolor-full-zip.pth").toString();
        String g = Fixtures.path("instcolor-instance-zip.pth").toString();
        result = ImportPlugin.importModel("file=[" + gcomp + "] arch=instcolor instance=[" + g + "] model=x");
        assertTrue(result.startsWith("error: arch=instcolor needs instance= (latest_net_G.pth) and fusion= (latest_net_GF.pth)"), result);
        result = ImportPlugin.importModel("file=[" + gcomp + "] arch=instcolor instance=[" + g + "] fusion=[" + evil + "] model=["
                + refused + "]");
        assertTrue(result.startsWith("error: evil.pth refused") && result.contains("subprocess.Popen"), result);
        assertFalse(Files.exists(refused));
        result = ImportPlugin.importModel("file=[" + gcomp + "] arch=siggraph17 fusion=[" + evil + "] model=x");
        assertTrue(result.startsWith("error: instance= and fusion= go with arch=instcolor"), result);
    }
}
