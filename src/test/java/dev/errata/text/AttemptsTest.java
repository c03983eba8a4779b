package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A terminal session's commands, and which of them run again one run before (Attempts, Paste.runAgainBetween). */
class AttemptsTest {
  private static final Rules RULES = Rules.defaults();

  @Test
  void aCommandIsKnownByItsProgramAndForSomeItsSubcommand() {
    assertEquals("docker run", Attempts.key("docker rm -f triton && docker run --rm --gpus all img tritonserver", RULES),
        "of a chain, the command that runs last");
    assertEquals("docker logs", Attempts.key("docker logs triton 2>&1 | grep -E '^E'", RULES), "of a pipeline, the first");
    assertEquals("kubectl logs", Attempts.key("kubectl -n search logs triton-0 --previous", RULES), "past -n and its value");
    assertEquals("perf_analyzer", Attempts.key("sudo -E CUDA_VISIBLE_DEVICES=0 ./perf_analyzer -m bert", RULES),
        "past sudo, its option, a variable and the folder");
    assertEquals("python client.py", Attempts.key("python -u client.py --url localhost:8001", RULES));
    assertEquals("docker compose up", Attempts.key("docker compose -f compose.yml up -d", RULES));
    assertNull(Attempts.key("sudo", RULES), "a wrapper with nothing after it runs nothing");
    assertEquals("tritonserver", Attempts.key("timeout 60 tritonserver --model-repository=/models", RULES));
    assertNull(Attempts.key("# typo in the path, fixed:", RULES), "a comment runs nothing");
  }

  @Test
  void aCommandWrittenNearlyTheSameRunsItAgain() {
    assertTrue(Attempts.similar("tritonserver --model-repositry=/workspace/models",
        "tritonserver --model-repository=/workspace/models --log-verbose=1 2>&1 | tee /tmp/triton.log"), "a typo fixed, flags added");
    assertFalse(Attempts.similar(
        "docker run --rm --gpus all --shm-size=8g -v /data/hf:/hf -v /data/engines:/engines trtllm:24.07 python3 convert_checkpoint.py --model_dir /hf/llama",
        "docker run --rm --gpus all --shm-size=8g -p8000:8000 -p8001:8001 -v /data/engines:/engines -v /data/repos:/repos trtllm:24.07 tritonserver --model-repository=/repos"),
        "the conversion that builds an engine and the server that serves it");
    assertFalse(Attempts.similar("", "docker run"));
  }

  @Test
  void aServersErrorShownByItsLogsIsOfTheRunBeforeThem() {
    Paste p = Paste.prepare(String.join("\n",
        "user@box:~$ docker run -d --name t --gpus all -v $PWD/modles:/models img tritonserver --model-repository=/models",
        "4f1c2d",
        "user@box:~$ docker logs t 2>&1 | tail -2",
        "error: creating server: Internal - failed to stat file /models",
        "user@box:~$ docker logs t 2>&1 | grep -c E",
        "1",
        "user@box:~$ docker rm t && docker run -d --name t --gpus all -v $PWD/models:/models img tritonserver --model-repository=/models",
        "9a8b7c",
        "user@box:~$ docker logs t",
        "E0101 failed to load 'tok' version 1: Internal: ModuleNotFoundError: No module named 'x'"), RULES);
    assertTrue(p.runAgainBetween(4, 10), "shown by docker logs, run again at line 7");
    assertFalse(p.runAgainBetween(4, 6), "a log shown again through another filter runs nothing again");
    assertFalse(p.runAgainBetween(10, Integer.MAX_VALUE), "the last attempt");
  }

  @Test
  void aPromptInColourAsScriptRecordsItIsAPrompt() {
    String prompt = "\u001b[?2004h(venv) \u001b]0;user@box: ~/ocr\u0007\u001b[01;32muser@box\u001b[00m:\u001b[01;34m~/ocr\u001b[00m$ ";
    Paste p = Paste.prepare(prompt + "python client.py\r\nConnection refused\r\n" + prompt + "python client.py localhost:8000\r\nok\r\n", RULES);
    assertTrue(p.runAgainBetween(2, 3));
    assertEquals(2, p.promptLines().length);
  }

  @Test
  void windowsAndBracketedPromptsAreRead() {
    assertEquals("python .\\infer.py", Attempts.key(RULES.promptCommand("PS C:\\Users\\dev\\yolo> python .\\infer.py"), RULES));
    assertEquals("tritonserver", Attempts.key(RULES.promptCommand("[ops@gpu-3 ~]$ tritonserver --model-repository=/m"), RULES));
    assertEquals("nvidia-smi", Attempts.key(RULES.promptCommand("C:\\Users\\dev>nvidia-smi"), RULES));
    assertNull(RULES.promptCommand("I0101 00:00:00.000 1 server.cc:1] user@host:~$ is not a prompt here"));
    assertNull(RULES.promptCommand("# Heading of a Markdown report"), "a bare # is a comment or a heading");
  }

  @Test
  void aPasteOfEndlessPromptsIsReadUpToItsBound() {
    StringBuilder text = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 20_000; i++) {
      text.append("$ docker run ");
      for (int k = 0; k < 40; k++) {
        text.append((char) ('a' + random.nextInt(26))).append(k % 5 == 0 ? " " : "");
      }
      text.append('\n');
    }
    Paste p = Paste.prepare(text.toString(), RULES);
    assertEquals(Paste.MAX_PROMPTS, p.promptLines().length, "prompts past the bound start no command");
  }
}
