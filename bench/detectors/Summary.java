import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;

/** Prints the verdict and per-test p-values of a detect JSON report in one line each. */
public class Summary {
    public static void main(String[] args) throws Exception {
        JsonNode report = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        System.out.println("verdict " + report.get("verdict").asText() + " p=" + report.get("pValue").asDouble()
                + " records=" + report.get("records"));
        for (JsonNode test : report.get("tests")) {
            System.out.println("  " + test.get("id").asText() + " p=" + test.get("pValue").asDouble()
                    + " adjusted=" + test.get("adjustedPValue").asDouble() + " effect=" + test.get("effect").asDouble());
        }
    }
}
