package io.collectionsledger.ledger.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a PDF as a person's tools do: poppler's pdftotext for its text, pdftoppm for a page as an
 * image (poppler-utils, installed by deploy/local/prepare.sh).
 */
public final class Poppler {

    private Poppler() {
    }

    /** The text of every page, laid out as on the page. */
    public static String text(byte[] pdf) {
        try {
            Path file = Files.createTempFile("document", ".pdf");
            try {
                Files.write(file, pdf);
                return new String(run(List.of("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")), StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first page as a PNG at the given resolution, written to {@code png}. */
    public static BufferedImage firstPage(byte[] pdf, int dpi, Path png) {
        try {
            Path file = Files.createTempFile("document", ".pdf");
            try {
                Files.write(file, pdf);
                String stem = png.toString().replaceFirst("\\.png$", "");
                run(List.of("pdftoppm", "-png", "-r", Integer.toString(dpi), "-f", "1", "-l", "1", "-singlefile", file.toString(), stem));
                return javax.imageio.ImageIO.read(png.toFile());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The share of the image's pixels that are not white: a blank page is 0. */
    public static double inked(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r + g + b < 600) {
                    inked++;
                }
            }
        }
        return (double) inked / ((long) image.getWidth() * image.getHeight());
    }

    private static byte[] run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return out;
    }
}
