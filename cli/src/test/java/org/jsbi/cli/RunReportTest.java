package org.jsbi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsbi.api.Model;
import org.jsbi.plugins.Plugins;
import org.jsbi.plugins.Registry;
import org.junit.jupiter.api.Test;

/** The report's sampler line: the summary as a paragraph, each warning as an item of its own, escaped. */
class RunReportTest {
  @Test
  void eachSamplerWarningIsAnItemOfItsOwn() throws Exception {
    try (Registry registry = Plugins.load()) {
      Model model = registry.model("two-moons");
      String html = new RunReport(model).sampler("slice sampler: 10 draws\nwarning: R-hat > 1.05\nwarning: the "
          + "chains sit in 2 separated groups: 60% of the draws around θ = (1, 2) & more").html();
      assertThat(html).contains("<p>Sampler: slice sampler: 10 draws</p>")
          .contains("<li>R-hat &gt; 1.05</li>")
          .contains("<li>the chains sit in 2 separated groups: 60% of the draws around θ = (1, 2) &amp; more</li>");
      assertThat(new RunReport(model).sampler("rejection: 10 draws").html()).doesNotContain("<ul");
    }
  }
}
