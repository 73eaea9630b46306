/**
 * Models as the product serves them: the card, the registry and the predictor.
 *
 * <pre>
 * model folder: saved_model.pb + variables/ + model.json
 *   → ModelCards.read: schema 2 (schema 1 upgraded) → ModelCard: kind, components, each with
 *     its signature (named inputs and outputs, their encodings, the ab bin set; a detector's
 *     also shape, dtype, stride, node), labels and source of converted weights
 *   → kinds that are not colorization (ModelKinds: detector) are listed apart, never the default
 *   → ModelRegistry: roots in order, names → folders, default model, loaded models kept open
 *   → ColorizationModel (a ChromaPredictor): LightnessBatch (L at network size + named extra
 *     inputs) → ChromaTranslator (InputEncoding in; OutputEncoding + AbDecoder out: ab, ab/110,
 *     or bin logits/probabilities decoded by annealed mean) → AbField per plane
 * </pre>
 * {@link org.colorize.model.ModelCardBuilder} is the one way cards are made (trainer, importer,
 * converter, tests); {@link org.colorize.model.CardDefaults} holds every default. The SavedModel's
 * signature is checked against the card when it is loaded. Nothing here knows ImageJ.
 */
package org.colorize.model;
