/**
 * Internal TensorFlow building blocks shared by jsbi's estimators and classifiers (parameters initialized from a
 * seeded Java generator, Adam, gradient clipping, session settings). Not a public API: TensorFlow types stay
 * inside the inference module.
 */
package org.jsbi.inference.tf;
