package org.jsbi.inference.plugin;

import org.jsbi.inference.nle.NleMethod;
import org.jsbi.inference.npe.NpeMethod;
import org.jsbi.inference.nre.NreMethod;
import org.jsbi.plugins.SbiPlugin;

/** Registers jsbi's own inference methods, through the same plugin API as any other method. */
public final class MethodsPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    method("npe").factory(new NpeMethod());
    method("nle").factory(new NleMethod());
    for (String variant : new String[] {"nre-a", "nre-b", "nre-c", "bnre"}) {
      method(variant).factory(new NreMethod(variant));
    }
  }
}
