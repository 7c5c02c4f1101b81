// Lints Cypher with Neo4j's own language support. Reads {"schema": {...}, "queries": {name: {text, parameters}}}
// on stdin and prints {name: [diagnostic, ...]} as JSON; the schema names what the ontology allows.
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { schema, queries } = JSON.parse(input);
// Built-in functions and procedures come from the package's own catalogue of a Neo4j 5 server.
const builtins = testData.mockSchema;
const dbSchema = {
  ...schema,
  functions: builtins.functions,
  procedures: builtins.procedures,
};
const result = {};
for (const [name, { text, parameters }] of Object.entries(queries)) {
  const { diagnostics } = lintCypherQuery(text, { ...dbSchema, parameters });
  result[name] = diagnostics.map((d) => ({
    severity: d.severity === 1 ? 'error' : 'warning',
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
