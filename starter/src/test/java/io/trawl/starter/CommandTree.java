package io.trawl.starter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The CLI's command tree, found at runtime from {@link TrawlCommand} so tests that walk it cover
 * commands added later.
 */
final class CommandTree {
  static final Set<Class<?>> NUMBERS =
      Set.of(
          int.class,
          Integer.class,
          long.class,
          Long.class,
          short.class,
          Short.class,
          double.class,
          Double.class,
          float.class,
          Float.class,
          BigDecimal.class);

  private CommandTree() {}

  /** Every command and group, the root included, help excluded. */
  static List<CommandSpec> allCommands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(TrawlCommand.newCommandLine().getCommandSpec(), all);
    return all;
  }

  private static void collect(CommandSpec spec, List<CommandSpec> into) {
    if (spec.userObject() instanceof CommandLine.HelpCommand) {
      return;
    }
    into.add(spec);
    spec.subcommands().values().stream()
        .map(CommandLine::getCommandSpec)
        .distinct()
        .forEach(sub -> collect(sub, into));
  }

  /** The words that select {@code spec} from the root, e.g. [jobs, scrape]. */
  static List<String> path(CommandSpec spec) {
    List<String> words = new ArrayList<>();
    for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
      words.addFirst(s.name());
    }
    return words;
  }

  /** A value each required argument accepts, so only the fault under test is wrong. */
  static String validValue(ArgSpec arg) {
    if (arg.type().isEnum()) {
      return arg.type().getEnumConstants()[0].toString();
    }
    return NUMBERS.contains(arg.type()) ? "1" : "x";
  }

  /** The command's path plus its required options and parameters, each with a valid value. */
  static List<String> validArgs(CommandSpec spec) {
    List<String> args = new ArrayList<>(path(spec));
    for (OptionSpec option : spec.options()) {
      if (option.required()) {
        args.add(option.longestName());
        if (option.arity().max() > 0) {
          args.add(validValue(option));
        }
      }
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      for (int i = 0; i < positional.arity().min(); i++) {
        args.add(validValue(positional));
      }
    }
    return args;
  }
}
