package dev.errata.check;

import dev.errata.Diagnostic;
import dev.errata.model.KnowledgeBase;
import java.util.List;

/** One rule over the whole knowledge base; reports every violation it finds. */
public interface Rule {
  List<Diagnostic> check(KnowledgeBase kb);
}
