package org.colorize.runtime;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A class loader that answers DJL's lookup of {@code native/lib/tensorflow.properties} with this
 * project's corrected copy, whatever the order of jars on the class path. The natives jar carries
 * its own copy naming a CUDA classifier, and in ImageJ the order of jars in plugins/ and jars/ is
 * not ours to choose; everything else is delegated unchanged.
 */
final class NativesDescriptorLoader extends ClassLoader {
    static final String DESCRIPTOR = "native/lib/tensorflow.properties";

    private final String ownLocation;

    NativesDescriptorLoader(ClassLoader parent) {
        super(parent);
        URL own = TensorFlowRuntime.class.getProtectionDomain().getCodeSource().getLocation();
        this.ownLocation = own == null ? null : own.toString();
    }

    @Override
    public URL getResource(String name) {
        if (DESCRIPTOR.equals(name)) {
            URL own = ownDescriptor();
            if (own != null) return own;
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (!DESCRIPTOR.equals(name)) return super.getResources(name);
        List<URL> urls = Collections.list(getParent().getResources(name));
        URL own = ownDescriptor();
        if (own != null) {
            urls.remove(own);
            urls.add(0, own);
        }
        return Collections.enumeration(new ArrayList<>(urls));
    }

    private URL ownDescriptor() {
        try {
            for (URL url : Collections.list(getParent().getResources(DESCRIPTOR))) {
                if (ownLocation != null && url.toString().contains(ownLocation.replaceFirst("^file:", ""))) return url;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
