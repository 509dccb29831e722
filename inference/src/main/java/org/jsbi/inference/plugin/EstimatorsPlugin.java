package org.jsbi.inference.plugin;

import org.jsbi.inference.embeddings.EmbeddingKind;
import org.jsbi.inference.flows.FlowFactory;
import org.jsbi.inference.flows.FlowSpec;
import org.jsbi.inference.fm.FmpeFactory;
import org.jsbi.inference.fm.FmpeSpec;
import org.jsbi.inference.gan.GatsbiFactory;
import org.jsbi.inference.ratio.RatioFactory;
import org.jsbi.inference.ratio.RatioSpec;
import org.jsbi.inference.gan.GatsbiSpec;
import org.jsbi.inference.score.NpseFactory;
import org.jsbi.inference.score.NpseSpec;
import org.jsbi.inference.vae.CvaeFactory;
import org.jsbi.inference.vae.CvaeSpec;
import org.jsbi.plugins.SbiPlugin;

/**
 * Registers jsbi's own conditional density estimators and embedding networks, through the same plugin API as any
 * user's.
 */
public final class EstimatorsPlugin extends SbiPlugin {
  @Override
  protected void configure() {
    estimator("maf").factory(new FlowFactory(FlowSpec.maf()));
    estimator("nsf").factory(new FlowFactory(FlowSpec.nsf()));
    estimator("coupling").factory(new FlowFactory(FlowSpec.coupling()));
    estimator("cvae").factory(new CvaeFactory(CvaeSpec.defaults()));
    estimator("fmpe").factory(new FmpeFactory(FmpeSpec.defaults()));
    estimator("npse").factory(new NpseFactory(NpseSpec.defaults()));
    estimator("gatsbi").factory(new GatsbiFactory(GatsbiSpec.defaults()));
    estimator("ratio").factory(new RatioFactory(RatioSpec.defaults()));
    embedding("mlp").factory(new EmbeddingKind("mlp"));
    embedding("deepset").factory(new EmbeddingKind("deepset"));
    embedding("set-attention").factory(new EmbeddingKind("set-attention"));
    embedding("cnn1d").factory(new EmbeddingKind("cnn1d"));
    embedding("gru").factory(new EmbeddingKind("gru"));
    embedding("cnn2d").factory(new EmbeddingKind("cnn2d"));
  }
}
