package org.acme.importance;

import org.jsbi.plugins.SbiPlugin;

/** A method jsbi's command line has never heard of, registered in one line. */
public final class ImportancePlugin extends SbiPlugin {
  @Override
  protected void configure() {
    method("nle-importance").factory(new ImportanceMethod());
  }
}
