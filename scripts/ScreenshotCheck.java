import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks a screenshot of the compliance page is not blank and shows the charts: enough distinct colours, and
 * each chart's colour present on enough pixels. Run with the JDK's source launcher:
 * {@code java scripts/ScreenshotCheck.java target/report-sample/compliance.png}. Exit 0 when every check passes.
 */
public class ScreenshotCheck {
    public static void main(String[] args) throws Exception {
        BufferedImage image = ImageIO.read(new File(args[0]));
        if (image == null) {
            System.err.println("not an image: " + args[0]);
            System.exit(1);
        }
        // colours the page draws with (HtmlReport), and what they mean
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("pass bar / PASS colour #2e7d32", 0x2e7d32);
        expected.put("fail bar / FAIL colour #c62828", 0xc62828);
        expected.put("equity line #1565c0", 0x1565c0);
        expected.put("heatmap strong positive #b2182b", 0xb2182b);
        expected.put("drawdown area (#e65100 at 75% on white)", blend(0xe65100, 0xffffff, 0.75));
        Map<String, Integer> hits = new LinkedHashMap<>();
        expected.keySet().forEach(k -> hits.put(k, 0));
        Set<Integer> distinct = new HashSet<>();
        long nonWhite = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                distinct.add(rgb);
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
                for (var e : expected.entrySet()) {
                    if (close(rgb, e.getValue(), 8)) {
                        hits.merge(e.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        boolean ok = true;
        long pixels = (long) image.getWidth() * image.getHeight();
        System.out.printf("screenshot %dx%d: %,d distinct colours, %.1f%% non-white pixels%n", image.getWidth(),
                image.getHeight(), distinct.size(), 100.0 * nonWhite / pixels);
        if (distinct.size() < 50 || nonWhite < pixels / 50) {
            System.out.println("FAIL: the screenshot is (nearly) blank");
            ok = false;
        }
        for (var e : hits.entrySet()) {
            boolean present = e.getValue() >= 40;
            System.out.printf("%s %s: %,d pixels%n", present ? "ok  " : "FAIL", e.getKey(), e.getValue());
            ok &= present;
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static int blend(int fg, int bg, double alpha) {
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            int c = (int) Math.round(((fg >> shift) & 0xff) * alpha + ((bg >> shift) & 0xff) * (1 - alpha));
            out |= c << shift;
        }
        return out;
    }
}
