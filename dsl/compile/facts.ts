/**
 * Anonymous expressions: whatever a rule compares or reports that is more than a plain name becomes an
 * expression fact "$1", "$2", ... numbered in the order the compiler meets them (source order).
 */
import type { Expr as ArtExpr } from "../../artefact/types";

export class AnonymousFacts {
  readonly expressions: Record<string, ArtExpr> = {};
  private next = 1;

  /** Registers an expression and returns its fact name. */
  add(expr: ArtExpr): string {
    const name = `$${this.next++}`;
    this.expressions[name] = expr;
    return name;
  }

  /** A plain reference stays the name it refers to; anything else becomes an anonymous fact. */
  factFor(expr: ArtExpr): string {
    return expr.k === "ref" ? expr.name : this.add(expr);
  }
}
