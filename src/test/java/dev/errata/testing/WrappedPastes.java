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
}
