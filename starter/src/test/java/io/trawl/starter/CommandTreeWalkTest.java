package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Walks the whole command tree, found at runtime from {@link TrawlCommand} so commands added later
 * are covered, and feeds every command a missing required argument, an unknown option and an
 * out-of-range number for each numeric option and parameter: exit code 2 and one line on stderr
 * naming what was wrong, before anything starts (the commands never run: a parse that succeeds is
 * itself a failure here).
 */
class CommandTreeWalkTest {
  private static final Set<Class<?>> NUMBERS = CommandTree.NUMBERS;

  /** The exit code of a command line that parsed: the command itself never runs in this test. */
  private static final int PARSED = 99;

  private record Outcome(int exitCode, String err) {}

  private static Outcome run(List<String> args) {
    CommandLine commandLine = TrawlCommand.newCommandLine();
    commandLine.setExecutionStrategy(parsed -> PARSED);
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));
    CliEnvironment.override(Map.of());
    try {
      return new Outcome(commandLine.execute(args.toArray(String[]::new)), err.toString());
    } finally {
      CliEnvironment.reset();
    }
  }

  private static void assertOneLineUsageError(
      SoftAssertions softly, List<String> args, Outcome outcome, String names) {
    String what =
        String.join(" ", args) + " gave exit " + outcome.exitCode() + ": " + outcome.err();
    softly.assertThat(outcome.exitCode()).as(what).isEqualTo(ExitCodes.USAGE);
    softly.assertThat(outcome.err().strip().lines()).as(what).hasSize(1);
    softly.assertThat(outcome.err()).as(what).contains(names).doesNotContain("\tat ");
  }

  @Test
  void theWalkFindsEveryCommandGroup() {
    assertThat(CommandTree.allCommands().stream().map(s -> String.join(" ", CommandTree.path(s))))
        .contains("jobs scrape", "etl run", "pharmacy run", "schedule apply", "runs", "dev");
  }

  @Test
  void everyHelpTextKeepsEachDescriptionLineWhole() {
    SoftAssertions softly = new SoftAssertions();
    for (CommandSpec spec : CommandTree.allCommands()) {
      CommandLine commandLine = TrawlCommand.newCommandLine();
      for (String word : CommandTree.path(spec)) {
        commandLine = commandLine.getSubcommands().get(word);
      }
      String help = commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF);
      for (String line : spec.usageMessage().description()) {
        String shown;
        try {
          shown = String.format(line).strip();
        } catch (java.util.IllegalFormatException e) {
          softly.fail(
              String.join(" ", CommandTree.path(spec)) + ": a lone % in \"" + line + "\": " + e);
          continue;
        }
        softly
            .assertThat(help)
            .as(String.join(" ", CommandTree.path(spec)) + " --help breaks a line")
            .contains(shown);
      }
    }
    softly.assertAll();
  }

  @Test
  void everyCommandRefusesAMissingRequiredArgumentInOneLine() {
    SoftAssertions softly = new SoftAssertions();
    for (CommandSpec spec : CommandTree.allCommands()) {
      List<ArgSpec> required =
          Stream.concat(spec.options().stream(), spec.positionalParameters().stream())
              .filter(a -> a.required() || (a.isPositional() && a.arity().min() > 0))
              .toList();
      for (ArgSpec missing : required) {
        // Every other required option is given; positionals only when an option is the one
        // missing, since dropping one positional shifts the rest.
        List<String> args = new ArrayList<>(CommandTree.path(spec));
        for (OptionSpec option : spec.options()) {
          if (option.required() && option != missing) {
            args.add(option.longestName());
            if (option.arity().max() > 0) {
              args.add(CommandTree.validValue(option));
            }
          }
        }
        String label;
        if (missing instanceof OptionSpec option) {
          for (PositionalParamSpec positional : spec.positionalParameters()) {
            for (int i = 0; i < positional.arity().min(); i++) {
              args.add(CommandTree.validValue(positional));
            }
          }
          label = option.longestName();
        } else {
          label =
              required.stream()
                  .filter(ArgSpec::isPositional)
                  .findFirst()
                  .orElseThrow()
                  .paramLabel();
        }
        assertOneLineUsageError(softly, args, run(args), label);
      }
    }
    softly.assertAll();
  }

  @Test
  void everyCommandRefusesAnUnknownOptionInOneLine() {
    SoftAssertions softly = new SoftAssertions();
    for (CommandSpec spec : CommandTree.allCommands()) {
      List<String> args = CommandTree.validArgs(spec);
      args.add(CommandTree.path(spec).size(), "--no-such-option");
      assertOneLineUsageError(softly, args, run(args), "--no-such-option");
    }
    softly.assertAll();
  }

  @Test
  void everyNumericOptionRefusesOutOfRangeNumbersInOneLine() {
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (CommandSpec spec : CommandTree.allCommands()) {
      for (OptionSpec option : spec.options()) {
        if (!NUMBERS.contains(option.type())) {
          continue;
        }
        checked++;
        String name = option.longestName();
        Optional<NumberRanges.Range<?>> range = NumberRanges.of(option);
        softly
            .assertThat(range)
            .as(String.join(" ", CommandTree.path(spec)) + " " + name + " declares its range")
            .isPresent();
        List<String> bad = new ArrayList<>(List.of("-1", "-99999999999999999999", "abc"));
        BigDecimal max =
            range.map(NumberRanges.Range::max).orElse(BigDecimal.valueOf(Long.MAX_VALUE));
        bad.add(max.add(BigDecimal.ONE).toPlainString());
        if (range.isPresent() && range.get().min().signum() > 0) {
          bad.add("0");
        }
        for (String value : bad) {
          List<String> args = CommandTree.validArgs(spec);
          args.add(CommandTree.path(spec).size(), name + "=" + value);
          assertOneLineUsageError(softly, args, run(args), name);
        }
      }
    }
    softly.assertThat(checked).as("numeric options found").isGreaterThan(5);
    softly.assertAll();
  }
}
