package dev.errata.cli;

import dev.errata.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code errata completion bash|zsh}: a completion script generated from the commands themselves. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for errata's commands and options.",
        "bash: source <(errata completion bash), or save it in /etc/bash_completion.d/errata.",
        "zsh: source <(errata completion zsh) in ~/.zshrc (it runs the bash script through bashcompinit)."})
final class CompletionCommand implements Callable<Integer> {
  /** The shells, written as a person types them (an enum would complete as BASH and ZSH). */
  static final class Shells extends java.util.ArrayList<String> {
    Shells() {
      super(java.util.List.of("bash", "zsh"));
    }
  }

  @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "${COMPLETION-CANDIDATES}")
  String shell;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!new Shells().contains(shell)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "errata completion takes bash or zsh, not '" + shell + "'");
    }
    // Every command, whatever this run added: the script must complete all of them.
    PrintWriter sink = new PrintWriter(java.io.Writer.nullWriter());
    CommandLine all = Cli.create(new String[0], sink, sink, java.io.InputStream.nullInputStream());
    String script = AutoComplete.bash("errata", all);
    PrintWriter out = spec.commandLine().getOut();
    if (shell.equals("zsh")) {
      // picocli's script turns on bashcompinit itself when it runs in zsh.
      out.println("# errata completion for zsh, through zsh's bash completion support (bashcompinit).");
    }
    out.print(script);
    out.flush();
    return ExitCode.OK.code();
  }
}
