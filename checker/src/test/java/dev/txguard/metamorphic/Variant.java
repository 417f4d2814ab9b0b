package dev.txguard.metamorphic;

/**
 * One way to write the rewrite, as an independent rewriter might: how the transaction is begun and ended, how its
 * type is named, and whether the ends go before each exit or into one {@code finally}.
 *
 * @param name short name for reports and directories
 * @param begin how the unit begins its transaction
 * @param end which end call is written before an exit
 * @param type how the home-grown type is referred to
 * @param shape where the ends go
 * @param uniqueNames one variable name per unit ({@code txg$3}), as code that must compile needs (a lambda cannot
 *     redeclare its enclosing method's local); otherwise {@code txg$} everywhere, shadowed in nested units
 */
record Variant(String name, Begin begin, End end, TypeRef type, Shape shape, boolean uniqueNames) {
  enum Begin {
    /** {@code Tx txg$ = Tx.begin();}: a static factory whose result is the handle. */
    FACTORY,
    /** {@code var txg$ = Tx.begin();} */
    VAR_FACTORY,
    /** {@code TxUnit txg$ = new TxUnit(); txg$.begin();}: the receiver is the handle. */
    RECEIVER
  }

  enum End {
    COMMIT,
    ROLLBACK,
    /** commit or rollback, chosen per exit from a hash of its position */
    MIXED,
    /** {@code if (txg$ != null) txg$.commit();}: a begun handle is not null */
    NULL_GUARDED,
    /** {@code if (txg$.isActive()) txg$.commit();}: the protocol's query (the factory type declares it) */
    ACTIVE_GUARDED
  }

  enum TypeRef {
    /** {@code import txg.Tx;} and the simple name; the type is a file of the audited tree */
    IMPORT,
    /** {@code txg.Tx} written out; the type is a file of the audited tree */
    QUALIFIED,
    /** a second top-level class appended to each file: the audit's same-file and name-fallback paths */
    SAME_FILE
  }

  enum Shape {
    /** an end before every {@code return} of the unit and at the end of a body that can complete normally */
    ENDS_BEFORE_EXITS,
    /** {@code Tx txg$ = Tx.begin(); try { body } finally { txg$.commit(); }}: ends on every exit, exceptions too */
    TRY_FINALLY,
    /**
     * The README's idiom: commit before every exit as in {@link #ENDS_BEFORE_EXITS}, inside
     * {@code try { ... } finally { if (txg$.isActive()) txg$.rollback(); }}
     */
    GUARDED_FINALLY
  }

  /** The same rewrite with one variable name per unit, so that it compiles (for the javac front end). */
  Variant withUniqueNames() {
    return uniqueNames ? this : new Variant(name + "-unique", begin, end, type, shape, true);
  }

  /** The variant every run starts with, and the one the fast slice runs in full. */
  static final Variant MAIN = new Variant("factory-import-commit", Begin.FACTORY, End.COMMIT, TypeRef.IMPORT,
      Shape.ENDS_BEFORE_EXITS, false);

  /** The others: each changes what an independent rewrite could plausibly change. */
  static final Variant RECEIVER_QUALIFIED_ROLLBACK = new Variant("receiver-qualified-rollback", Begin.RECEIVER,
      End.ROLLBACK, TypeRef.QUALIFIED, Shape.ENDS_BEFORE_EXITS, true);
  static final Variant VAR_MIXED = new Variant("var-import-mixed", Begin.VAR_FACTORY, End.MIXED, TypeRef.IMPORT,
      Shape.ENDS_BEFORE_EXITS, true);
  static final Variant SAME_FILE = new Variant("samefile-factory-mixed", Begin.FACTORY, End.MIXED, TypeRef.SAME_FILE,
      Shape.ENDS_BEFORE_EXITS, false);
  static final Variant TRY_FINALLY = new Variant("tryfinally-import-commit", Begin.FACTORY, End.COMMIT,
      TypeRef.IMPORT, Shape.TRY_FINALLY, false);
  static final Variant NULL_GUARDED = new Variant("factory-import-nullguarded", Begin.FACTORY, End.NULL_GUARDED,
      TypeRef.IMPORT, Shape.ENDS_BEFORE_EXITS, false);
  static final Variant ACTIVE_GUARDED = new Variant("factory-qualified-activeguarded", Begin.FACTORY,
      End.ACTIVE_GUARDED, TypeRef.QUALIFIED, Shape.ENDS_BEFORE_EXITS, false);
  static final Variant GUARDED_FINALLY = new Variant("guardedfinally-import-commit", Begin.FACTORY, End.COMMIT,
      TypeRef.IMPORT, Shape.GUARDED_FINALLY, false);
}
