package io.podwatch.collectors.posture.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.posture.Finding;
import java.util.List;

/**
 * Findings as one JSON array for scripts: {@code check}, {@code title}, {@code severity},
 * {@code status}, {@code remediation}, {@code evidence}, {@code scope}, {@code reason} (accepted
 * only), {@code seed} {guide, section, quote}, and {@code container} {id, name} — absent for host findings.
 */
final class JsonFormat {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFormat() {
    }

    static String render(List<Finding> findings) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Finding f : findings) {
            ObjectNode o = arr.addObject();
            o.put("check", f.check().id());
            o.put("title", f.check().title());
            o.put("severity", f.check().severity().label());
            o.put("status", f.status().label());
            o.put("remediation", f.check().remediation());
            o.put("evidence", f.evidence());
            o.put("scope", f.check().scope().label());
            if (!f.reason().isEmpty()) {
                o.put("reason", f.reason());
            }
            ObjectNode seed = o.putObject("seed");
            seed.put("guide", f.check().seed().title());
            seed.put("section", SeedSections.of(f.check()));
            seed.put("quote", f.check().quote());
            if (f.container() != null) {
                ObjectNode c = o.putObject("container");
                c.put("id", f.container().id());
                c.put("name", f.container().name());
            }
        }
        return write(arr);
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
