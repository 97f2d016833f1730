package io.podwatch.agent.http.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.status.StatusFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real browser over a model with hostile container names, images, commands
 * and messages: every view loads without a console error (the page's CSP would report an injected
 * inline script), the names show as text, no element or dialog is injected, the containers table
 * sorts, and the container page draws its four charts. Writes the README's screenshots.
 */
class StatusPageBrowserIT {
    @Test
    void everyViewLoadsEscapesHostileNamesAndDrawsCharts() throws Exception {
        StatusFixture f = new StatusFixture().collect(60).incidents();
        try (HttpServer s = f.server(); Browser b = Browser.open()) {
            String base = "http://127.0.0.1:" + s.boundAddress().getPort() + "/";
            // the views re-render every few seconds: an element found may be replaced before it is read
            var wait = new WebDriverWait(b.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);

            b.driver.get(base);
            wait.until(d -> d.findElement(By.id("main")).getText().contains("Collectors"));
            assertThat(text(b, "#main")).contains("posture", "down", "timed out " + "<img src=x");
            b.screenshot("status-overview");

            b.driver.get(base + "#/containers");
            wait.until(d -> d.findElements(By.cssSelector("tr[data-id]")).size() == 5);
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) b.driver.executeScript("return [...document.querySelectorAll("
                    + "'tr[data-id] td:first-child')].map(td => td.textContent);");
            assertThat(names).contains("web", "db", "crashloop").anyMatch(n -> n.startsWith("<img src=x onerror=alert(1)>\"'&"));
            b.screenshot("status-containers");
            b.driver.executeScript("document.querySelector('th[data-key=cpuCores]').click()");
            wait.until(d -> d.findElement(By.cssSelector("th.sorted")).getAttribute("data-key").equals("cpuCores"));
            b.driver.executeScript("document.querySelector('th[data-key=cpuCores]').click()"); // descending: busiest first
            wait.until(d -> "sortable sorted".equals(d.findElement(By.cssSelector("th.sorted")).getAttribute("class")));
            assertThat(text(b, "tr[data-id] td:first-child")).startsWith("<img");

            b.driver.get(base + "#/alerts");
            wait.until(d -> d.findElements(By.cssSelector("tr.alert-row")).size() >= 4);
            assertThat(text(b, "#main")).contains("ContainerRestartLoop", "crashloop",
                    "Recently resolved", "ContainerOomKilled", "Inhibited", "ContainerCpuAnomaly");
            b.screenshot("status-alerts");

            b.driver.get(base + "#/events");
            wait.until(d -> d.findElements(By.cssSelector("#event-list tr")).size() > 1);
            assertThat(text(b, "#event-list")).contains("/bin/sh -c '<img src=x onerror=alert(1)>");
            b.screenshot("status-events");
            // filtered to one source, and still live: the filter's box is typed into like a person would
            var source = b.driver.findElement(By.cssSelector(".filters input"));
            source.sendKeys("audit", org.openqa.selenium.Keys.ENTER);
            wait.until(d -> !text(b, "#event-list").contains("container-died"));
            assertThat(text(b, "#event-list")).contains("execve");
            f.liveAuditEvent("auid=1001 ran /usr/bin/nsenter -t 1");
            wait.until(d -> text(b, "#event-list").contains("/usr/bin/nsenter -t 1")); // polled in, no reload

            b.driver.get(base + "#/container/" + f.containers.get(0).id());
            wait.until(d -> d.findElements(By.cssSelector("#charts canvas")).size() >= 4);
            // a drawn chart has non-background pixels
            Object painted = b.driver.executeScript("const c = document.querySelector('#charts canvas');"
                    + "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;");
            assertThat(((Number) painted).longValue()).isGreaterThan(1000);
            b.screenshot("status-container");

            b.driver.get(base + "#/container/" + f.containers.get(3).id());
            wait.until(d -> text(b, "#main").contains("PW-C-PRIVILEGED"));
            wait.until(d -> d.findElements(By.cssSelector("#charts canvas")).size() >= 4);
            assertThat(text(b, "#main")).contains("Container <img src=x onerror=alert(1)>", "--cap-add",
                    "Privileged=true <img src=x");

            assertThat(b.driver.findElements(By.cssSelector("img[src=x]"))).isEmpty();
            assertThat(noDialog(b)).isTrue();
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    /** The element's text read in one script call, so a re-render between find and read cannot go stale. */
    private static String text(Browser b, String css) {
        return (String) b.driver.executeScript("const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
    }

    private static boolean noDialog(Browser b) {
        try {
            b.driver.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }
}
