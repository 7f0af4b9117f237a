package org.rnnlab.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/**
 * Details of {@link GifWriter} beyond {@link GifWriterTest}: the exact delay range, the frame
 * count and the frame named in a size mismatch, the loop extension on the first frame only, the
 * GIF trailer, transparent pixels turned white, the local colour table padded with its last
 * colour, and the release of the output stream and the image writer on finish, on close and on
 * a failed start (seen through an image writer that wraps the runtime's GIF writer).
 */
class GifWriterDetailsTest {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    @TempDir
    Path dir;

    /** A frame of vertical stripes, one per colour, each {@code stripe} pixels wide. */
    private static BufferedImage stripes(int stripe, int height, int... colours) {
        BufferedImage img = new BufferedImage(stripe * colours.length, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, colours[x / stripe]);
            }
        }
        return img;
    }

    private static List<IIOMetadataNode> frameMetadata(Path file) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, false);
            List<IIOMetadataNode> roots = new ArrayList<>();
            for (int i = 0; i < reader.getNumImages(true); i++) {
                roots.add((IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT));
            }
            return roots;
        } finally {
            reader.dispose();
        }
    }

    private static List<IIOMetadataNode> children(Node parent, String name) {
        List<IIOMetadataNode> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeName().equals(name)) {
                out.add((IIOMetadataNode) c);
            }
        }
        return out;
    }

    private static List<Integer> localColourTable(IIOMetadataNode frame) {
        IIOMetadataNode table = children(frame, "LocalColorTable").get(0);
        List<Integer> entries = new ArrayList<>();
        for (IIOMetadataNode e : children(table, "ColorTableEntry")) {
            assertThat(Integer.parseInt(e.getAttribute("index"))).isEqualTo(entries.size());
            entries.add(Integer.parseInt(e.getAttribute("red")) << 16 | Integer.parseInt(e.getAttribute("green")) << 8
                    | Integer.parseInt(e.getAttribute("blue")));
        }
        assertThat(Integer.parseInt(table.getAttribute("sizeOfLocalColorTable"))).isEqualTo(entries.size());
        return entries;
    }

    private static int occurrences(byte[] haystack, byte[] needle) {
        int n = 0;
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                n++;
            }
        }
        return n;
    }

    private List<String> filesInDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void theShortestAndLongestDelaysAreAcceptedAndStoredInHundredths() throws Exception {
        Path shortest = dir.resolve("shortest.gif");
        Path longest = dir.resolve("longest.gif");
        GifWriter.write(shortest, List.of(stripes(2, 2, 0x000000)), GifWriter.MIN_DELAY_MILLIS, false);
        GifWriter.write(longest, List.of(stripes(2, 2, 0x000000)), GifWriter.MAX_DELAY_MILLIS, false);
        assertThat(GifFile.read(shortest).delaysCentis()).containsExactly(2);
        assertThat(GifFile.read(longest).delaysCentis()).containsExactly(65_535);
    }

    @Test
    void delaysJustOutsideTheRangeAreRefusedNamingTheValue() throws Exception {
        assertThatThrownBy(() -> GifWriter.open(dir.resolve("x.gif"), 19, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("frame delay must be in 20..655350 ms, was 19");
        assertThatThrownBy(() -> GifWriter.open(dir.resolve("x.gif"), 655_351, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("frame delay must be in 20..655350 ms, was 655351");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void framesCountsTheFramesAddedAndAMismatchNamesTheFrameNumber() throws Exception {
        try (GifWriter gif = GifWriter.open(dir.resolve("count.gif"), 100, true)) {
            assertThat(gif.frames()).isZero();
            gif.add(stripes(4, 8, 0xff0000, 0x00ff00));
            assertThat(gif.frames()).isEqualTo(1);
            gif.add(stripes(4, 8, 0x0000ff, 0x00ff00));
            assertThat(gif.frames()).isEqualTo(2);
            assertThatThrownBy(() -> gif.add(stripes(4, 9, 0xff0000, 0x00ff00)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("frame 2 must be 8 x 8 like the first, was 8 x 9");
            assertThat(gif.frames()).isEqualTo(2);
            gif.finish();
            assertThat(gif.frames()).isEqualTo(2);
        }
        assertThat(GifFile.read(dir.resolve("count.gif")).frames()).hasSize(2);
    }

    @Test
    void onlyTheFirstFrameCarriesTheLoopForeverExtension() throws Exception {
        Path f = dir.resolve("loop.gif");
        GifWriter.write(f, List.of(stripes(3, 3, 0x111111), stripes(3, 3, 0x222222), stripes(3, 3, 0x333333)), 100, true);
        List<IIOMetadataNode> frames = frameMetadata(f);
        assertThat(frames).hasSize(3);
        List<IIOMetadataNode> apps = children(frames.get(0), "ApplicationExtensions");
        assertThat(apps).hasSize(1);
        IIOMetadataNode netscape = children(apps.get(0), "ApplicationExtension").get(0);
        assertThat(netscape.getAttribute("applicationID")).isEqualTo("NETSCAPE");
        assertThat(netscape.getAttribute("authenticationCode")).isEqualTo("2.0");
        assertThat((byte[]) netscape.getUserObject()).containsExactly(1, 0, 0);
        assertThat(children(frames.get(1), "ApplicationExtensions")).isEmpty();
        assertThat(children(frames.get(2), "ApplicationExtensions")).isEmpty();
        assertThat(occurrences(Files.readAllBytes(f), "NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1);
    }

    @Test
    void theFileStartsWithTheGif89aSignatureAndEndsWithTheTrailer() throws Exception {
        Path f = dir.resolve("trailer.gif");
        GifWriter.write(f, List.of(stripes(2, 2, 0xabcdef, 0x123456)), 100, false);
        byte[] bytes = Files.readAllBytes(f);
        assertThat(new String(bytes, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) 0x3b);
    }

    @Test
    void transparentPixelsBecomeWhiteAndOpaqueOnesKeepTheirColour() throws Exception {
        BufferedImage argb = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00ff0000);
        argb.setRGB(1, 0, 0xff0000ff);
        argb.setRGB(2, 0, 0x00000000);
        argb.setRGB(3, 0, 0xff123456);
        Path f = dir.resolve("alpha.gif");
        GifWriter.write(f, List.of(argb), 100, false);
        BufferedImage back = GifFile.read(f).frames().get(0);
        int[] decoded = new int[4];
        for (int x = 0; x < 4; x++) {
            decoded[x] = back.getRGB(x, 0) & 0xffffff;
        }
        assertThat(decoded).containsExactly(0xffffff, 0x0000ff, 0xffffff, 0x123456);
    }

    @Test
    void theLocalColourTableIsPaddedToAPowerOfTwoWithTheLastColour() throws Exception {
        Path f = dir.resolve("table.gif");
        GifWriter.write(f, List.of(
                stripes(3, 8, 0x000000, 0xffffff),
                stripes(2, 8, 0x0000aa, 0x00bb00, 0xcc0000),
                stripes(6, 8, 0x5a5a5a),
                stripes(1, 8, 0x010203, 0x040506, 0x070809, 0x0a0b0c, 0x0d0e0f, 0x0d0e0f)), 100, false);
        List<IIOMetadataNode> frames = frameMetadata(f);
        assertThat(localColourTable(frames.get(1))).containsExactly(0x0000aa, 0x00bb00, 0xcc0000, 0xcc0000);
        assertThat(localColourTable(frames.get(2))).containsExactly(0x5a5a5a, 0x5a5a5a);
        assertThat(localColourTable(frames.get(3))).containsExactly(0x010203, 0x040506, 0x070809, 0x0a0b0c, 0x0d0e0f,
                0x0d0e0f, 0x0d0e0f, 0x0d0e0f);
    }

    @Test
    void finishingReleasesTheStreamAndTheImageWriter() throws Exception {
        Path f = dir.resolve("done.gif");
        try (RecordingGifWriters recording = RecordingGifWriters.install(null)) {
            try (GifWriter gif = GifWriter.open(f, 100, true)) {
                gif.add(stripes(2, 8, 0x102030, 0x405060));
                gif.finish();
                RecordingWriter w = recording.only();
                assertThatThrownBy(() -> w.output.write(0)).isInstanceOf(IOException.class).hasMessage("closed");
                assertThat(w.disposals).isEqualTo(1);
            }
            assertThat(recording.only().disposals).isEqualTo(1);
        }
        BufferedImage back = GifFile.read(f).frames().get(0);
        assertThat(back.getRGB(1, 7) & 0xffffff).isEqualTo(0x102030);
        assertThat(back.getRGB(2, 7) & 0xffffff).isEqualTo(0x405060);
        assertThat(filesInDir()).containsExactly("done.gif");
    }

    @Test
    void closingAnUnfinishedGifReleasesTheStreamAndTheImageWriterAndDeletesTheTemporaryFile() throws Exception {
        Path f = dir.resolve("keep.gif");
        Files.writeString(f, "previous");
        try (RecordingGifWriters recording = RecordingGifWriters.install(null)) {
            GifWriter gif = GifWriter.open(f, 100, true);
            gif.add(stripes(2, 2, 0x102030));
            assertThat(filesInDir()).hasSize(2);
            gif.close();
            RecordingWriter w = recording.only();
            assertThatThrownBy(() -> w.output.write(0)).isInstanceOf(IOException.class).hasMessage("closed");
            assertThat(w.disposals).isEqualTo(1);
        }
        assertThat(filesInDir()).containsExactly("keep.gif");
        assertThat(Files.readString(f)).isEqualTo("previous");
    }

    @Test
    void aFailureWhileStartingIsRethrownAfterReleasingEverythingAndLeavesTheTargetAsItWas() throws Exception {
        Path f = dir.resolve("keep.gif");
        Files.writeString(f, "previous");
        IOException failure = new IOException("no space left on device");
        try (RecordingGifWriters recording = RecordingGifWriters.install(failure)) {
            assertThatThrownBy(() -> GifWriter.open(f, 100, true)).isSameAs(failure);
            RecordingWriter w = recording.only();
            assertThatThrownBy(() -> w.output.write(0)).isInstanceOf(IOException.class).hasMessage("closed");
            assertThat(w.disposals).isEqualTo(1);
        }
        assertThat(filesInDir()).containsExactly("keep.gif");
        assertThat(Files.readString(f)).isEqualTo("previous");
    }

    /** Puts a recording wrapper in place of every GIF image writer of the registry, until closed. */
    private static final class RecordingGifWriters implements AutoCloseable {
        private final IIORegistry registry = IIORegistry.getDefaultInstance();
        private final List<ImageWriterSpi> replaced = new ArrayList<>();
        private final List<RecordingWriter> made = new ArrayList<>();
        private RecordingSpi spi;

        static RecordingGifWriters install(IOException failOnPrepare) {
            RecordingGifWriters r = new RecordingGifWriters();
            Iterator<ImageWriterSpi> all = r.registry.getServiceProviders(ImageWriterSpi.class,
                    p -> Arrays.asList(((ImageWriterSpi) p).getFormatNames()).contains("gif"), false);
            all.forEachRemaining(r.replaced::add);
            assertThat(r.replaced).isNotEmpty();
            r.spi = new RecordingSpi(r.replaced.get(0), r.made, failOnPrepare);
            r.replaced.forEach(p -> r.registry.deregisterServiceProvider(p, ImageWriterSpi.class));
            r.registry.registerServiceProvider(r.spi, ImageWriterSpi.class);
            return r;
        }

        RecordingWriter only() {
            assertThat(made).hasSize(1);
            return made.get(0);
        }

        @Override
        public void close() {
            registry.deregisterServiceProvider(spi, ImageWriterSpi.class);
            replaced.forEach(p -> registry.registerServiceProvider(p, ImageWriterSpi.class));
        }
    }

    private static final class RecordingSpi extends ImageWriterSpi {
        private final ImageWriterSpi real;
        private final List<RecordingWriter> made;
        private final IOException failOnPrepare;

        RecordingSpi(ImageWriterSpi real, List<RecordingWriter> made, IOException failOnPrepare) {
            super("rnnlab tests", "1", real.getFormatNames(), real.getFileSuffixes(), real.getMIMETypes(),
                    RecordingWriter.class.getName(), new Class<?>[] {ImageOutputStream.class}, null, false, null, null,
                    null, null, false, null, null, null, null);
            this.real = real;
            this.made = made;
            this.failOnPrepare = failOnPrepare;
        }

        @Override
        public boolean canEncodeImage(ImageTypeSpecifier type) {
            return real.canEncodeImage(type);
        }

        @Override
        public ImageWriter createWriterInstance(Object extension) throws IOException {
            RecordingWriter w = new RecordingWriter(this, real.createWriterInstance(extension), failOnPrepare);
            made.add(w);
            return w;
        }

        @Override
        public String getDescription(Locale locale) {
            return "recording " + real.getDescription(locale);
        }
    }

    /** The runtime's GIF writer, recording its output stream and how often it was disposed. */
    private static final class RecordingWriter extends ImageWriter {
        private final ImageWriter real;
        private final IOException failOnPrepare;
        ImageOutputStream output;
        int disposals;

        RecordingWriter(ImageWriterSpi spi, ImageWriter real, IOException failOnPrepare) {
            super(spi);
            this.real = real;
            this.failOnPrepare = failOnPrepare;
        }

        @Override
        public void setOutput(Object out) {
            super.setOutput(out);
            real.setOutput(out);
            output = (ImageOutputStream) out;
        }

        @Override
        public ImageWriteParam getDefaultWriteParam() {
            return real.getDefaultWriteParam();
        }

        @Override
        public IIOMetadata getDefaultStreamMetadata(ImageWriteParam param) {
            return real.getDefaultStreamMetadata(param);
        }

        @Override
        public IIOMetadata getDefaultImageMetadata(ImageTypeSpecifier type, ImageWriteParam param) {
            return real.getDefaultImageMetadata(type, param);
        }

        @Override
        public IIOMetadata convertStreamMetadata(IIOMetadata in, ImageWriteParam param) {
            return real.convertStreamMetadata(in, param);
        }

        @Override
        public IIOMetadata convertImageMetadata(IIOMetadata in, ImageTypeSpecifier type, ImageWriteParam param) {
            return real.convertImageMetadata(in, type, param);
        }

        @Override
        public void write(IIOMetadata stream, IIOImage image, ImageWriteParam param) throws IOException {
            real.write(stream, image, param);
        }

        @Override
        public boolean canWriteSequence() {
            return true;
        }

        @Override
        public void prepareWriteSequence(IIOMetadata stream) throws IOException {
            if (failOnPrepare != null) {
                throw failOnPrepare;
            }
            real.prepareWriteSequence(stream);
        }

        @Override
        public void writeToSequence(IIOImage image, ImageWriteParam param) throws IOException {
            real.writeToSequence(image, param);
        }

        @Override
        public void endWriteSequence() throws IOException {
            real.endWriteSequence();
        }

        @Override
        public void dispose() {
            disposals++;
            real.dispose();
        }
    }
}
