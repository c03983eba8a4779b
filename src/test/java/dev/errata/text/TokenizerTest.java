package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {
  private static String describe(String text) {
    List<Token> tokens = Tokenizer.tokenize(text);
    StringBuilder b = new StringBuilder();
    for (Token t : tokens) {
      b.append(t.kind().name().charAt(0)).append(':').append(t.text()).append(' ');
    }
    return b.toString().strip();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "model 'gpt-4o' failed          | W:model W:gpt-4o W:failed",
    "llama-3.1-8b utf8              | W:llama-3.1-8b W:utf8",
    "expected 1048576, got 0        | W:expected N:1048576 W:got N:0",
    "addr 0x7f3a9c00 uuid 4401d25d-3d6f-5650-148e-66decbd7aa9f | W:addr N:0x7f3a9c00 W:uuid N:4401d25d-3d6f-5650-148e-66decbd7aa9f",
    "load /models/resnet/1/model.plan. | W:load P:/models/resnet/1/model.plan",
    "see https://github.com/a/b/issues/1 | W:see P:https://github.com/a/b/issues/1",
    "[StatusCode.INTERNAL] x        | W:statuscode.internal W:x",
    "EXECUTION_ENV_PATH is set      | W:execution_env_path W:is W:set",
    "Triton 2.49.0 on 10.0.0.1:8001 | W:triton N:2.49.0 W:on N:10.0.0.1 N:8001",
    "内存分配                        | C:内 C:存 C:分 C:配",
  })
  void splitsOnTokenBoundariesKeepingIdentifiersWhole(String text, String expected) {
    assertEquals(expected, describe(text));
  }
}
