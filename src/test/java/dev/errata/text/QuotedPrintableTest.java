package dev.errata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An e-mail forwarded in quoted-printable, read as the text it encodes (QuotedPrintable, Paste.prepare). */
class QuotedPrintableTest {
  private static final Rules RULES = Rules.defaults();

  /** The failure of the founding case, as an e-mail client encodes it: 76 columns, soft breaks, =3D. */
  static final String MAIL = String.join("\n",
      "We moved from \"docker run --ipc=3Dhost\" to compose, and now the ensemble fa=",
      "ils:",
      "",
      "E0110 07:58:33.020147 1 model_lifecycle.cc:621] failed to load 'postprocess=",
      "' version 1: Internal: Unable to initialize shared memory key 'triton_pytho=",
      "n_backend_shm_region_4' to requested size (67108864 bytes). If you are runn=",
      "ing Triton inside docker, use '--shm-size' flag to control the shared memor=",
      "y region size. Each Python backend model instance requires at least 64MBs o=",
      "f shared memory. Error: No space left on device",
      "I0110 07:58:34.1 1 server.cc:1] it=E2=80=99s =3D=3D done=20");

  @Test
  void softBreaksOfAnEncodersWidthTellIt() {
    assertTrue(QuotedPrintable.is(MAIL));
    assertFalse(QuotedPrintable.is("a=\nb=\nc=\n"), "short lines that end in '=' are no encoder's");
    assertFalse(QuotedPrintable.is("x".repeat(72) + "=\n" + "y".repeat(72) + "=\nend\n"), "two are not enough");
  }

  @Test
  void escapesAreDecodedAsUtf8() {
    assertEquals("it’s == done ", QuotedPrintable.decode("it=E2=80=99s =3D=3D done=20"));
    assertEquals("a\uFFFDb", QuotedPrintable.decode("a=FFb"), "a byte that is no UTF-8");
    assertEquals("=zz and =3", QuotedPrintable.decode("=zz and =3"), "not an escape: kept");
  }

  @Test
  void aMessageOverSoftBreaksIsOneLineUnderItsFirstNumber() {
    List<PreparedLine> lines = Paste.prepare(MAIL, RULES).lines();
    PreparedLine error = lines.stream().filter(l -> l.original().contains("Unable to initialize")).findFirst().orElseThrow();
    assertEquals(4, error.number());
    assertTrue(error.original().endsWith("Error: No space left on device"), error.original());
    assertTrue(error.original().contains("'postprocess' version 1") && error.original().contains("triton_python_backend_shm_region_4"));
    assertTrue(lines.stream().anyMatch(l -> l.number() == 1 && l.original().contains("--ipc=host") && l.original().endsWith("fails:")));
    assertTrue(lines.stream().anyMatch(l -> l.number() == 10 && l.original().endsWith("it’s == done ")), "numbers go on after the joined lines");
  }
}
