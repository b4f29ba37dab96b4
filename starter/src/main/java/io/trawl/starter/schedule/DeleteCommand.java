package io.trawl.starter.schedule;

import io.trawl.starter.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code trawl schedule delete}: removes one of trawl's schedules; runs already going go on. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    header = "Delete one of trawl's schedules (runs already started keep going).",
    description = {
      "A schedule declared in trawl.yaml comes back with the next `trawl schedule apply`.",
      "",
      "Example: trawl schedule delete de-nl"
    })
public final class DeleteCommand extends ScheduleSubcommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "The schedule.")
  String name;

  @Override
  int run(ScheduleConnection connection, PrintWriter out) {
    connection.schedules().delete(name);
    out.println("deleted " + name);
    return ExitCodes.OK;
  }
}
