package dev.errata.testing;

/** Pastes wrapped the ways people's tools wrap them, for the tests of reading and matching them. */
public final class WrappedPastes {
  private WrappedPastes() {}

  /**
   * A log a terminal wrapped at 80 columns: cut inside words and at spaces, a glog line that
   * starts a record of its own after a full line, and a table whose rows fill the width too.
   */
  public static final String TERMINAL = String.join("\n",
      "I1205 02:11:08.412113 1 model_lifecycle.cc:473] loading: audio_frontend:1 and so",
      " on for a while",
      "E1205 02:11:09.100231 1 model_lifecycle.cc:638] failed to load 'audio_frontend' ",
      "version 1: Internal: unable to create stream: the provided PTX was compiled with",
      " an unsupported toolchain.",
      "I1205 02:11:09.100231 1 server.cc:607] +------------------+------------------+-+",
      "| Model            | Version          | Status                                 |",
      "+------------------+------------------+----------------------------------------+",
      "tritonclient.utils.InferenceServerException: [StatusCode.NOT_FOUND] Unable to fi",
      "nd shared memory region: 'audio_in_3'",
      "done");

  /**
   * Triton's model table as {@code kubectl logs --timestamps} shows it from a server started on an
   * 80-column terminal: each long status cut into pieces of the column's width, mid-word, one
   * piece per row; a row with blanks a copy added after its last bar; then {@code nvidia-smi},
   * whose rows go on over lines with first cells that are not blank.
   */
  public static final String TABLE = String.join("\n",
      "2024-12-05T02:11:09.100000Z I1205 02:11:09.100231 1 server.cc:662] ",
      "2024-12-05T02:11:09.100001Z +----------------+---------+--------------------------------------------------+",
      "2024-12-05T02:11:09.100002Z | Model          | Version | Status                                           |",
      "2024-12-05T02:11:09.100003Z +----------------+---------+--------------------------------------------------+",
      "2024-12-05T02:11:09.100004Z | audio_frontend | 1       | UNAVAILABLE: Invalid argument: unable to find ba |",
      "2024-12-05T02:11:09.100005Z |                |         | ckend library for backend 'onnxruntime', try spe |",
      "2024-12-05T02:11:09.100006Z |                |         | cifying runtime on the model configuration.      |",
      "2024-12-05T02:11:09.100007Z | speaker_id     | 1       | READY                                            |  ",
      "2024-12-05T02:11:09.100008Z | vad_python     | 2       | UNAVAILABLE: Internal: ModuleNotFoundError: No m |",
      "2024-12-05T02:11:09.100009Z |                |         | odule named 'webrtcvad'                          |",
      "2024-12-05T02:11:09.100010Z +----------------+---------+--------------------------------------------------+",
      "2024-12-05T02:11:09.100011Z error: creating server: Internal - failed to load all models",
      "+-----------------------------------------------------------------------------+",
      "| GPU  Name        Persistence-M| Bus-Id        Disp.A | Volatile Uncorr. ECC |",
      "| Fan  Temp  Perf  Pwr:Usage/Cap|         Memory-Usage | GPU-Util  Compute M. |",
      "|===============================+======================+======================|",
      "|   0  Tesla T4            Off  | 00000000:00:1E.0 Off |                    0 |",
      "| N/A   34C    P0    25W /  70W |      0MiB / 15360MiB |      0%      Default |",
      "+-------------------------------+----------------------+----------------------+");

  /**
   * The model table of a 100-column terminal whose statuses have line breaks of their own (a
   * Python backend's {@code At:} frames, an ONNX Runtime message that ends in one): each piece is
   * printed with its breaks, so a row stops where a break is and the piece goes on at the start of
   * the next line, its last line padded and closed by the bar.
   */
  public static final String TABLE_BROKEN = String.join("\n",
      "I0122 10:04:51.675830 1 server.cc:674] ",
      "+-----------+---------+----------------------------------------------------------------------------+",
      "| Model     | Version | Status                                                                     |",
      "+-----------+---------+----------------------------------------------------------------------------+",
      "| llama3_8b | 1       | UNAVAILABLE: Internal: AssertionError: vLLM Triton backend must be configu |",
      "|           |         | red to use decoupled model transaction policy",
      "",
      "At:",
      "  /opt/tritonserver/bac |",
      "|           |         | kends/vllm/model.py(138): initialize",
      "                                      |",
      "| tokenizer | 1       | READY                                                                      |",
      "| clip_text | 1       | UNAVAILABLE: Internal: onnx runtime error 1: Load model from /models/clip_ |",
      "|           |         | text/1/model.onnx failed:Unsupported model IR version: 11, max supported I |",
      "|           |         | R version: 10",
      "                                                             |",
      "+-----------+---------+----------------------------------------------------------------------------+",
      "",
      "error: creating server: Internal - failed to load all models");

  /**
   * A log as Grafana Explore's table copies it: newest first, time, pod and line separated by
   * tabs, so the server's summary comes before the model's error that caused it.
   */
  public static final String NEWEST_FIRST = String.join("\n",
      "2024-11-26 08:15:44.912\ttriton-0\terror: creating server: Internal - failed to load all models",
      "2024-11-26 08:15:44.910\ttriton-0\tI1126 08:15:44.910402 1 server.cc:307] Waiting for in-flight requests to complete.",
      "2024-11-26 08:15:44.903\ttriton-0\tI1126 08:15:44.903114 1 server.cc:674] +-------------+---------+--------+",
      "2024-11-26 08:15:43.771\ttriton-0\tE1126 08:15:43.771904 1 model_lifecycle.cc:638] failed to load 'yolo_trt' version 1:"
          + " Internal: unable to create stream: the provided PTX was compiled with an unsupported toolchain.",
      "2024-11-26 08:15:43.402\ttriton-0\tI1126 08:15:43.402291 1 model_lifecycle.cc:473] loading: yolo_trt:1",
      "2024-11-26 08:15:43.118\ttriton-0\tI1126 08:15:43.118004 1 server.cc:120] Initializing Triton");

  /**
   * {@link #TERMINAL} as a copy that drops each line's trailing spaces hands it over (a web or
   * serial console, text read from a screenshot): a line the terminal cut at a space ends one
   * before the width.
   */
  public static final String STRIPPED = TERMINAL.lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n"));

  /** One client error an 80-column terminal cut in three, without the trailing spaces: inside a word, then at a space. */
  public static final String STRIPPED_MESSAGE = String.join("\n",
      "tritonclient.utils.InferenceServerException: [StatusCode.INVALID_ARGUMENT] faile",
      "d to register CUDA shared memory region 'emb_out_dev1': failed to open CUDA IPC",
      "handle: invalid argument");

  /**
   * A client's error whose message starts right before the cut of an 80-column terminal: the
   * first line holds only the message's first letters, which it shares too little of to find it.
   */
  public static final String CUT_AT_THE_START = String.join("\n",
      "tritonclient.utils.InferenceServerException: [StatusCode.RESOURCE_EXHAUSTED] Rec",
      "eived message larger than max (67109148 vs. 4194304)");

  /** A paste an editor wrapped at spaces, dropping them: left as its lines. */
  public static final String EDITOR = String.join("\n",
      "E0722 06:03:51.114092 77 model_repository_manager.cc:1335] Poll failed for model",
      "directory 'notebooks': Invalid model name: Could not determine backend for model",
      "'notebooks' with no backend in model configuration.");

  /**
   * One message a terminal wrapped at 80 columns into three pieces, each cut inside a word: with
   * no piece cut at a space, the paste is left as its lines, and the matcher reads the pieces as one.
   */
  public static final String THREE_PIECES = String.join("\n",
      "failed to load 'speaker_id_onnx' version 1: Invalid argument: unable to find bac",
      "kend library for backend 'onnxruntime', try specifying runtime on the model conf",
      "iguration.");

  /**
   * {@code systemctl status} of a failed service: it shortens each log line to the terminal's
   * width and ends it with an ellipsis, here inside the error's message and its word.
   */
  public static final String SHORTENED = String.join("\n",
      "● triton.service - Triton Inference Server",
      "     Loaded: loaded (/etc/systemd/system/triton.service; enabled; vendor preset: enabled)",
      "     Active: failed (Result: exit-code) since Thu 2024-06-13 09:14:05 UTC; 12s ago",
      "    Process: 48211 ExecStart=/opt/tritonserver/bin/tritonserver --model-repository=/srv/models (code=exited, status=1/FAILURE)",
      "   Main PID: 48211 (code=exited, status=1/FAILURE)",
      "",
      "Jun 13 09:14:04 gpu-node-07 tritonserver[48211]: I0613 09:14:04.118203 48211 model_lifecycle.cc:473] loading: yolo_trt:1",
      "Jun 13 09:14:05 gpu-node-07 tritonserver[48211]: E0613 09:14:05.002913 48211 model_lifecycle.cc:638] failed to load 'yolo_trt' version 1: Internal: unable to create stream: the provided PTX was compi\u2026",
      "Jun 13 09:14:05 gpu-node-07 systemd[1]: triton.service: Main process exited, code=exited, status=1/FAILURE",
      "Jun 13 09:14:05 gpu-node-07 systemd[1]: triton.service: Failed with result 'exit-code'.");

  /**
   * {@code docker compose up} on an 80-column terminal: the container's banner says a message over
   * two lines of its own (the second indented), and the terminal cut each of them again at its
   * width, one at a space and one inside a word.
   */
  public static final String BANNER = String.join("\n",
      "triton-1  | =============================",
      "triton-1  | == Triton Inference Server ==",
      "triton-1  | =============================",
      "triton-1  | NVIDIA Release 24.08 (build 107521736)",
      "triton-1  | ERROR: This container was built for NVIDIA Driver Release 560.35 or ",
      "later, but",
      "triton-1  |        version 535.183.01 was detected and compatibility mode is UNA",
      "VAILABLE.",
      "triton-1  |",
      "triton-1  | NOTE: The SHMEM allocation limit is set to the default of 64MB.  Thi",
      "s may be",
      "triton-1  |    insufficient for the inference server.  NVIDIA recommends the use",
      " of the following flags:",
      "triton-1  | I0903 22:41:07.376041 1 model_lifecycle.cc:472] \"loading: arcface_r1",
      "00:1\"");

  /**
   * The sender's question typed in a chat, one line longer than any a terminal printed, above a
   * log an 80-column terminal wrapped ({@link #TERMINAL}).
   */
  public static final String NOTE_ABOVE_TERMINAL = "hey, this started after we moved the deployment to the new node pool last "
      + "night and I cannot figure out what changed, the same image works on the old nodes. the log from my terminal:\n\n"
      + TERMINAL;

  /**
   * A log forwarded from a phone's mail app, which broke each message at its spaces into lines
   * of about 40 characters: the failure goes on over five of them.
   */
  public static final String SHORT_LINES = String.join("\n",
      "---------- Forwarded message ---------",
      "Subject: sentiment model failing in",
      "staging",
      "",
      "E0809 02:05:51.772104 1 model_lifecycle.",
      "cc:638] failed to load 'sentiment_bert'",
      "version 1: Internal: failed to load model",
      "'sentiment_bert': PytorchStreamReader",
      "failed reading zip archive: failed",
      "finding central directory",
      "",
      "Sent from my iPhone");

  /**
   * An ONNX Runtime load failure cut at 80 columns, every cut inside a word: no line ends in a
   * space or starts with one, and none is one short of the width.
   */
  public static final String CUT_INSIDE_WORDS = cut(80,
      "E0210 23:48:21.607196 1 model_lifecycle.cc:622] failed to load 'DeepSeek-R1-Distill-Qwen-1.5B' version 1:"
          + " Internal: onnx runtime error 1: Load model from /models/DeepSeek-R1-Distill-Qwen-1.5B/1/model.onnx failed:/workspace/"
          + "onnxruntime/onnxruntime/core/graph/model.cc:149 onnxruntime::Model::Model(onnx::ModelProto&&, const PathString&) Unsupp"
          + "orted model IR version: 10, max supported IR version: 9",
      "",
      "I0210 23:48:21.607208 1 model_lifecycle.cc:757] failed to load 'DeepSeek-R1-Distill-Qwen-1.5B'");

  /**
   * A gateway's JSON log cut at 80 columns by a console that dropped trailing spaces (a line one
   * short of the width before a word) and has no leading ones: its records stay in their pieces,
   * and the error's message sits in a piece with no error word, two after the piece that has one.
   */
  public static final String JSON_RECORDS = cut(80,
      "I1105 08:41:48.750 gateway started, listening on 0.0.0.0:8080 with 4 workers ok",
      "{\"level\":30,\"time\":1730796108751,\"hostname\":\"embed-gateway-6f7c8d9b4-k2l8p\",\"req\":{\"method\":\"POST\","
          + "\"url\":\"/v1/embed/bulk\"},\"res\":{\"statusCode\":200},\"msg\":\"request completed\"}",
      "{\"level\":50,\"msg\":\"triton infer failed\",\"time\":1730796108750,\"hostname\":\"embed-gateway-6f7c8d9b4-k2l8p\","
          + "\"status\":400,\"detail\":\"[request id: req-7f3efa-0] inference request batch-size must be <= 32 for 'sentence_embed'\"}",
      "{\"level\":30,\"time\":1730796108760,\"hostname\":\"embed-gateway-6f7c8d9b4-k2l8p\",\"req\":{\"method\":\"GET\","
          + "\"url\":\"/healthz\"},\"res\":{\"statusCode\":200},\"msg\":\"request completed\"}");

  /** {@code lines} as a terminal of {@code width} columns shows them: each cut into pieces of the width. */
  public static String cut(int width, String... lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      for (int i = 0; i < line.length() || i == 0; i += width) {
        out.append(line, i, Math.min(line.length(), i + width)).append('\n');
      }
    }
    return out.toString();
  }

  /** Sixty full lines of 80 characters that each go on in the next: more than a piece's length. */
  public static String pastAPiece() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      String line = ("word" + i + " ").repeat(16).substring(0, 79);
      out.append(line).append(i % 2 == 0 ? " " : "x").append('\n');
    }
    return out.append("the end").toString();
  }
}
