package dev.tracking.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists every published module at the build's version, and every jar names its module. */
class DistributionTest {

    private static final List<String> UNPUBLISHED = List.of("sample-app", "benchmarks", "tracking-bom");

    @Test
    void theBomManagesEveryPublishedModuleAtTheParentsVersion() throws Exception {
        Document parent = read(Path.of("..", "pom.xml"));
        Document bom = read(Path.of("..", "tracking-bom", "pom.xml"));
        assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
        assertThat(bom.getElementsByTagName("parent").getLength()).as("the BOM has no parent").isZero();

        List<String> published = new ArrayList<>();
        for (String module : values(parent, "module")) {
            if (!UNPUBLISHED.contains(module)) {
                published.add(text(read(Path.of("..", module, "pom.xml")).getDocumentElement(), "artifactId"));
            }
        }
        assertThat(values(bom, "artifactId")).containsAll(published).contains("tracking-spring-boot-test");
    }

    @Test
    void everyModuleWithAJarNamesItsAutomaticModule() throws Exception {
        Document parent = read(Path.of("..", "pom.xml"));
        List<String> modules = values(parent, "module");   // the benchmarks profile's module included
        List<String> names = new ArrayList<>();
        for (String module : modules) {
            if (module.equals("tracking-bom")) {
                continue;
            }
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            Matcher name = Pattern.compile("<automatic.module.name>([^<]+)</automatic.module.name>").matcher(pom);
            assertThat(name.find()).as("automatic.module.name of %s", module).isTrue();
            assertThat(name.group(1)).matches("dev\\.tracking(\\.[a-z]+)+");
            names.add(name.group(1));
        }
        assertThat(names).doesNotHaveDuplicates();
        assertThat(Files.readString(Path.of("..", "pom.xml")))
                .contains("<Automatic-Module-Name>${automatic.module.name}</Automatic-Module-Name>");
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static String text(Element element, String child) {
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> values(Document document, String tag) {
        List<String> found = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent().trim());
        }
        return found;
    }
}
