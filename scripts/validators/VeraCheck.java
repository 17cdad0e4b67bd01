import java.io.File;
import java.util.*;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.*;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.*;
import org.verapdf.pdfa.validation.profiles.*;

/** Usage: VeraCheck FLAVOUR[,FLAVOUR...] file.pdf...  (flavours: ua1 2a 2b 2u 1b ...). Exit 1 if any file fails. */
public class VeraCheck {
  public static void main(String[] a) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    List<PDFAFlavour> fl = new ArrayList<>();
    for (String f : a[0].split(",")) fl.add(PDFAFlavour.fromString(f));
    boolean allOk = true;
    for (int i = 1; i < a.length; i++) {
      long t0 = System.nanoTime();
      for (PDFAFlavour f : fl) {
        try (PDFAParser p = Foundries.defaultInstance().createParser(new File(a[i]), f);
             PDFAValidator v = Foundries.defaultInstance().createValidator(f, false)) {
          ValidationResult r = v.validate(p);
          allOk &= r.isCompliant();
          Map<String, List<TestAssertion>> fails = new TreeMap<>();
          for (TestAssertion t : r.getTestAssertions())
            if (t.getStatus() == TestAssertion.Status.FAILED) {
              RuleId id = t.getRuleId();
              fails.computeIfAbsent(id.getClause() + "-" + id.getTestNumber(), k -> new ArrayList<>()).add(t);
            }
          System.out.printf("%s %s %s (%d checks, %d failed rules)%n", r.isCompliant() ? "PASS" : "FAIL", f.getId(), a[i], r.getTotalAssertions(), fails.size());
          for (var e : fails.entrySet()) {
            TestAssertion t = e.getValue().get(0);
            System.out.printf("  %s x%d: %s | %s%n", e.getKey(), e.getValue().size(), t.getMessage(), t.getLocation() == null ? "" : t.getLocation().getContext());
          }
        }
      }
      System.out.printf("  time %.2fs%n", (System.nanoTime() - t0) / 1e9);
    }
    System.exit(allOk ? 0 : 1);
  }
}
