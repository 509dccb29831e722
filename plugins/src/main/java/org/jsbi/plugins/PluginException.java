package org.jsbi.plugins;

/** A plugin could not be loaded or registered something invalid. The message names the plugin and the fix. */
public final class PluginException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
