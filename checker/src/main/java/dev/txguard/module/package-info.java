/**
 * The module as every front end sees it before analysing a unit: which method names may begin or matter
 * ({@link dev.txguard.module.ModuleIndex}), built from syntax so that the Error Prone plugin and the audit agree.
 */
package dev.txguard.module;
