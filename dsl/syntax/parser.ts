/**
 * The grammar, as a Chevrotain parser whose rule names are the language's constructs.
 * It builds a CST; build-ast.ts turns that into the AST. Error recovery is on, so one typo yields
 * one error and the rest of the file is still parsed (recovered nodes are partial).
 */
import { CstParser, type IOrAlt, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import * as T from "./tokens";

/**
 * Errors carry the names of the tokens that could have come next, as JSON; parse.ts words them
 * in Persian and English from the tokens' labels.
 */
const names = (types: TokenType[]) => JSON.stringify({ expected: types.map((t) => t.name) });
const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected }) => names([expected]),
  buildNotAllInputParsedMessage: () => names([T.Input, T.Param, T.Value, T.Table, T.RuleKw, T.Test]),
  buildNoViableAltMessage: ({ expectedPathsPerAlt }) =>
    names(
      expectedPathsPerAlt.flatMap((paths) =>
        paths.map((p) => p[0]).filter((t): t is TokenType => t !== undefined),
      ),
    ),
  buildEarlyExitMessage: ({ expectedIterationPaths }) =>
    names(expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => t !== undefined)),
};

class RuleParser extends CstParser {
  /**
   * Each OR's alternatives, built on its first call and kept (Chevrotain's advice): a new array of new
   * closures on every call was garbage, and under tsx each ALT closure also went through its
   * name-keeping wrapper. The alternatives read nothing but `this`, so one set serves every call.
   */
  private readonly alternatives: IOrAlt<unknown>[][] = [];

  private alts(site: number, make: () => IOrAlt<unknown>[]): IOrAlt<unknown>[] {
    let alternatives = this.alternatives[site];
    if (!alternatives) {
      alternatives = make();
      this.alternatives[site] = alternatives;
    }
    return alternatives;
  }

  constructor() {
    super(T.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "onlyOffset",
      maxLookahead: 3,
      errorMessageProvider,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE("file", () => {
    this.OPTION(() => this.SUBRULE(this.header));
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  header = this.RULE("header", () => {
    this.CONSUME(T.Rules);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.StringLit));
    this.OPTION2(() => {
      this.CONSUME(T.Version);
      this.CONSUME2(T.StringLit, { LABEL: "version" });
      this.OPTION3(() => {
        this.CONSUME(T.From);
        this.CONSUME(T.DateLit);
      });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Reference);
      this.CONSUME3(T.StringLit, { LABEL: "source" });
      this.OPTION5(() => {
        this.CONSUME(T.NumberWord);
        this.CONSUME4(T.StringLit, { LABEL: "sourceNumber" });
      });
      this.OPTION6(() => {
        this.CONSUME2(T.Version, { LABEL: "sourceVersionKw" });
        this.CONSUME5(T.StringLit, { LABEL: "sourceVersion" });
      });
    });
  });

  declaration = this.RULE("declaration", () => {
    this.OR(
      this.alts(0, () => [
        { ALT: () => this.SUBRULE(this.inputDecl) },
        { ALT: () => this.SUBRULE(this.parameterDecl) },
        { ALT: () => this.SUBRULE(this.valueDecl) },
        { ALT: () => this.SUBRULE(this.tableDecl) },
        { ALT: () => this.SUBRULE(this.ruleDecl) },
        { ALT: () => this.SUBRULE(this.testDecl) },
      ]),
    );
  });

  // ---- inputs and types ----

  inputDecl = this.RULE("inputDecl", () => {
    this.CONSUME(T.Input);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.alias));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
    this.OPTION2(() => this.CONSUME(T.Optional));
  });

  alias = this.RULE("alias", () => {
    this.CONSUME(T.LParen);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.RParen);
  });

  typeExpr = this.RULE("typeExpr", () => {
    this.OR(
      this.alts(1, () => [
        { ALT: () => this.CONSUME(T.NumberType) },
        { ALT: () => this.CONSUME(T.Rial) },
        { ALT: () => this.CONSUME(T.PercentWord) },
        { ALT: () => this.CONSUME(T.BoolType) },
        { ALT: () => this.CONSUME(T.TextType) },
        { ALT: () => this.CONSUME(T.DateType) },
        { ALT: () => this.SUBRULE(this.oneOfType) },
        { ALT: () => this.SUBRULE(this.listType) },
      ]),
    );
  });

  oneOfType = this.RULE("oneOfType", () => {
    this.CONSUME(T.OneOf);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME(T.Identifier) });
    this.CONSUME(T.RParen);
  });

  listType = this.RULE("listType", () => {
    this.CONSUME(T.ListOf);
    this.CONSUME(T.LParen);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.fieldDecl) });
    this.CONSUME(T.RParen);
  });

  fieldDecl = this.RULE("fieldDecl", () => {
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.SUBRULE(this.alias));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.typeExpr);
  });

  // ---- parameters and values ----

  parameterDecl = this.RULE("parameterDecl", () => {
    this.CONSUME(T.Param);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(T.Citation));
  });

  valueDecl = this.RULE("valueDecl", () => {
    this.CONSUME(T.Value);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(T.Citation));
  });

  // ---- tables ----

  tableDecl = this.RULE("tableDecl", () => {
    this.CONSUME(T.Table);
    this.CONSUME(T.Identifier);
    this.OPTION(() => this.CONSUME(T.Citation));
    this.OPTION2(() => {
      this.CONSUME(T.LParen);
      this.OR(
        this.alts(2, () => [
          { ALT: () => this.CONSUME(T.First) },
          { ALT: () => this.CONSUME(T.Unique) },
          { ALT: () => this.CONSUME(T.All) },
        ]),
      );
      this.CONSUME(T.RParen);
    });
    this.OPTION3(() => this.CONSUME2(T.Citation, { LABEL: "lateCitation" }));
    this.SUBRULE(this.tableHeader);
    this.MANY(() => this.SUBRULE(this.tableRow));
  });

  tableHeader = this.RULE("tableHeader", () => {
    this.CONSUME(T.Pipe);
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.CONSUME(T.Identifier) });
    this.CONSUME(T.DoublePipe);
    this.CONSUME2(T.Identifier, { LABEL: "output" });
    this.CONSUME2(T.Pipe, { LABEL: "end" });
  });

  tableRow = this.RULE("tableRow", () => {
    this.CONSUME(T.Pipe);
    this.AT_LEAST_ONE_SEP({ SEP: T.Pipe, DEF: () => this.SUBRULE(this.cell) });
    this.CONSUME(T.DoublePipe);
    this.SUBRULE(this.additive);
    this.CONSUME2(T.Pipe, { LABEL: "end" });
    this.OPTION(() => this.CONSUME(T.Citation));
  });

  cell = this.RULE("cell", () => {
    this.OR(
      this.alts(3, () => [
        { ALT: () => this.CONSUME(T.AnyCell) },
        {
          ALT: () => {
            this.SUBRULE(this.lowerBound);
            this.OPTION(() => {
              this.CONSUME(T.To);
              this.SUBRULE(this.additive, { LABEL: "high" });
            });
          },
        },
        { ALT: () => this.SUBRULE(this.upperBound) },
        {
          ALT: () => {
            this.SUBRULE2(this.additive, { LABEL: "first" });
            this.OR2([
              {
                ALT: () => {
                  this.CONSUME2(T.To);
                  this.OPTION2(() => this.SUBRULE2(this.upperOp));
                  this.SUBRULE3(this.additive, { LABEL: "high" });
                },
              },
              { ALT: () => this.MANY(() => this.SUBRULE(this.moreValues)) },
            ]);
          },
        },
      ]),
    );
  });

  moreValues = this.RULE("moreValues", () => {
    this.CONSUME(T.Comma);
    this.SUBRULE(this.additive);
  });

  /** `بیشتر از a`, `>= a`, ... opening a range cell. */
  lowerBound = this.RULE("lowerBound", () => {
    this.OR(
      this.alts(4, () => [
        { ALT: () => this.CONSUME(T.GreaterThanWord) },
        { ALT: () => this.CONSUME(T.Greater) },
        { ALT: () => this.CONSUME(T.GreaterOrEqualWord) },
        { ALT: () => this.CONSUME(T.GreaterEq) },
      ]),
    );
    this.SUBRULE(this.additive);
  });

  upperBound = this.RULE("upperBound", () => {
    this.SUBRULE(this.upperOp);
    this.SUBRULE(this.additive);
  });

  upperOp = this.RULE("upperOp", () => {
    this.OR(
      this.alts(5, () => [
        { ALT: () => this.CONSUME(T.LessThanWord) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.LessOrEqualWord) },
        { ALT: () => this.CONSUME(T.LessEq) },
      ]),
    );
  });

  // ---- rules ----

  ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(T.RuleKw);
    this.CONSUME(T.StringLit);
    this.MANY(() => this.CONSUME(T.Citation));
    this.OPTION(() => {
      this.CONSUME(T.If);
      this.SUBRULE(this.expression);
    });
    this.CONSUME(T.Then);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.outcome));
  });

  outcome = this.RULE("outcome", () => {
    this.OR(
      this.alts(6, () => [
        {
          ALT: () => {
            this.CONSUME(T.Reject);
            this.OPTION(() => this.CONSUME(T.StringLit));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Warn);
            this.OPTION2(() => this.CONSUME2(T.StringLit));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.ReferTo);
            this.CONSUME3(T.StringLit, { LABEL: "authority" });
            this.OPTION3(() => this.CONSUME4(T.StringLit));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Require);
            this.CONSUME5(T.StringLit, { LABEL: "what" });
            this.OPTION4(() => {
              this.CONSUME(T.AtAmount);
              this.SUBRULE(this.additive);
            });
            this.OPTION5(() => this.CONSUME6(T.StringLit));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.SetKw);
            this.CONSUME(T.Identifier);
            this.CONSUME(T.Equals);
            this.SUBRULE(this.expression);
          },
        },
      ]),
    );
  });

  // ---- tests ----

  testDecl = this.RULE("testDecl", () => {
    this.CONSUME(T.Test);
    this.CONSUME(T.StringLit);
    this.MANY(() => this.SUBRULE(this.givens));
    this.MANY2(() => this.SUBRULE(this.expectation));
  });

  givens = this.RULE("givens", () => {
    this.CONSUME(T.With);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.given) });
  });

  given = this.RULE("given", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.OR(
      this.alts(7, () => [
        { ALT: () => this.SUBRULE(this.listLiteral) },
        { ALT: () => this.SUBRULE(this.additive) },
      ]),
    );
  });

  listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(T.ListKw);
    this.CONSUME(T.LParen);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.recordLiteral) });
    this.CONSUME(T.RParen);
  });

  recordLiteral = this.RULE("recordLiteral", () => {
    this.CONSUME(T.LBrace);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.recordField) });
    this.CONSUME(T.RBrace);
  });

  recordField = this.RULE("recordField", () => {
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.additive);
  });

  expectation = this.RULE("expectation", () => {
    this.CONSUME(T.Expect);
    this.OR(
      this.alts(8, () => [
        {
          ALT: () => {
            this.OR2([
              { ALT: () => this.CONSUME(T.Accept) },
              { ALT: () => this.CONSUME(T.Reject) },
              { ALT: () => this.CONSUME(T.Refer) },
            ]);
            this.OPTION(() => {
              this.CONSUME(T.Because);
              this.CONSUME(T.StringLit);
            });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Without);
            this.CONSUME2(T.StringLit, { LABEL: "rule" });
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Identifier);
            this.CONSUME(T.Equals);
            this.SUBRULE(this.additive);
          },
        },
      ]),
    );
  });

  // ---- expressions, loosest first ----

  expression = this.RULE("expression", () => {
    this.SUBRULE(this.orExpr);
  });

  orExpr = this.RULE("orExpr", () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  andExpr = this.RULE("andExpr", () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  notExpr = this.RULE("notExpr", () => {
    this.OR(
      this.alts(9, () => [
        {
          ALT: () => {
            this.CONSUME(T.Not);
            this.SUBRULE(this.notExpr);
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]),
    );
  });

  comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.additive, { LABEL: "subject" });
    this.OPTION(() => {
      this.OR(
        this.alts(10, () => [
          {
            ALT: () => {
              this.SUBRULE(this.cmpOp);
              this.SUBRULE2(this.additive, { LABEL: "right" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.Between);
              this.SUBRULE3(this.additive, { LABEL: "low" });
              this.OR2([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.To) }]);
              this.SUBRULE4(this.additive, { LABEL: "high" });
            },
          },
          {
            ALT: () => {
              this.CONSUME(T.OutsideOf);
              this.SUBRULE5(this.additive, { LABEL: "low" });
              this.CONSUME2(T.To);
              this.SUBRULE6(this.additive, { LABEL: "high" });
            },
          },
          {
            ALT: () => {
              this.OR3([{ ALT: () => this.CONSUME(T.In) }, { ALT: () => this.CONSUME(T.NotIn) }]);
              this.CONSUME(T.LParen);
              this.AT_LEAST_ONE_SEP({
                SEP: T.Comma,
                DEF: () => this.SUBRULE7(this.additive, { LABEL: "member" }),
              });
              this.CONSUME(T.RParen);
            },
          },
          { ALT: () => this.CONSUME(T.Missing) },
          { ALT: () => this.CONSUME(T.Present) },
        ]),
      );
    });
  });

  cmpOp = this.RULE("cmpOp", () => {
    this.OR(
      this.alts(11, () => [
        { ALT: () => this.CONSUME(T.Equals) },
        { ALT: () => this.CONSUME(T.EqualWord) },
        { ALT: () => this.CONSUME(T.NotEquals) },
        { ALT: () => this.CONSUME(T.NotEqualWord) },
        { ALT: () => this.CONSUME(T.GreaterThanWord) },
        { ALT: () => this.CONSUME(T.Greater) },
        { ALT: () => this.CONSUME(T.LessThanWord) },
        { ALT: () => this.CONSUME(T.Less) },
        { ALT: () => this.CONSUME(T.GreaterOrEqualWord) },
        { ALT: () => this.CONSUME(T.GreaterEq) },
        { ALT: () => this.CONSUME(T.LessOrEqualWord) },
        { ALT: () => this.CONSUME(T.LessEq) },
      ]),
    );
  });

  additive = this.RULE("additive", () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR(
        this.alts(12, () => [{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]),
      );
      this.SUBRULE2(this.multiplicative);
    });
  });

  multiplicative = this.RULE("multiplicative", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR(
        this.alts(13, () => [{ ALT: () => this.CONSUME(T.Times) }, { ALT: () => this.CONSUME(T.Divide) }]),
      );
      this.SUBRULE2(this.unary);
    });
  });

  unary = this.RULE("unary", () => {
    this.OR(
      this.alts(14, () => [
        {
          ALT: () => {
            this.CONSUME(T.Minus);
            this.SUBRULE(this.unary);
          },
        },
        { ALT: () => this.SUBRULE(this.primary) },
      ]),
    );
  });

  primary = this.RULE("primary", () => {
    this.OR(
      this.alts(15, () => [
        { ALT: () => this.SUBRULE(this.parenExpr) },
        { ALT: () => this.SUBRULE(this.numberLiteral) },
        { ALT: () => this.CONSUME(T.DateLit) },
        { ALT: () => this.CONSUME(T.StringLit) },
        { ALT: () => this.CONSUME(T.Yes) },
        { ALT: () => this.CONSUME(T.No) },
        { ALT: () => this.SUBRULE(this.ifExpr) },
        { ALT: () => this.SUBRULE(this.nameOrCall) },
      ]),
    );
  });

  parenExpr = this.RULE("parenExpr", () => {
    this.CONSUME(T.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(T.RParen);
  });

  ifExpr = this.RULE("ifExpr", () => {
    this.CONSUME(T.If);
    this.SUBRULE(this.expression, { LABEL: "cond" });
    this.CONSUME(T.Then);
    this.SUBRULE2(this.expression, { LABEL: "then" });
    this.CONSUME(T.Else);
    this.SUBRULE3(this.expression, { LABEL: "else" });
  });

  numberLiteral = this.RULE("numberLiteral", () => {
    this.OPTION(() => this.CONSUME(T.PercentSign, { LABEL: "prefixPercent" }));
    this.CONSUME(T.NumberLit);
    this.OPTION2(() => {
      this.OR(
        this.alts(16, () => [
          { ALT: () => this.CONSUME(T.Thousand) },
          { ALT: () => this.CONSUME(T.Million) },
          { ALT: () => this.CONSUME(T.Billion) },
        ]),
      );
    });
    this.OPTION3(() => {
      this.OR2(
        this.alts(17, () => [
          { ALT: () => this.CONSUME(T.Rial) },
          { ALT: () => this.CONSUME(T.Toman) },
          { ALT: () => this.CONSUME2(T.PercentSign) },
          { ALT: () => this.CONSUME(T.PercentWord) },
          { ALT: () => this.CONSUME(T.Month) },
          { ALT: () => this.CONSUME(T.Year) },
          { ALT: () => this.CONSUME(T.Day) },
          { ALT: () => this.CONSUME(T.Person) },
        ]),
      );
    });
  });

  nameOrCall = this.RULE("nameOrCall", () => {
    this.OR(
      this.alts(18, () => [{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.All) }]),
    );
    this.OPTION(() => {
      this.CONSUME(T.LParen);
      this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: "arg" }) });
      this.CONSUME(T.RParen);
    });
  });
}

/** One parser instance, reused: Chevrotain parsers are built once and reset per input. */
export const parser = new RuleParser();
export type { RuleParser };
