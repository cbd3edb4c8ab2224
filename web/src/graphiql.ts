/// <reference types="vite/client" />
// GraphiQL at GET /graphql (web/graphiql.html), bundled with its Monaco editor and workers: it loads
// nothing from the internet. The Authorization header is prefilled with the dashboard's token from
// sessionStorage, or in local demo mode with a demo token for the demo scenario's first organization
// (Region Stockholm, the viewer its story is told from).
//
// The schema comes from the checkout's SDL (schema/tiersight.graphql, generated from the modules' SDL and bundled at build time) instead of an
// introspection query: GraphiQL's introspection nests deeper than the API's depth limit allows
// (src/api/limits.ts), and the SDL is the schema this server was built from.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { demoOrganizations, demoToken, readToken, storeToken } from './api.ts';
import { authorizationHeaders, exampleTabs } from './graphiql-examples.ts';
import { DARK_EDITOR_THEME, darkEditorTheme } from './graphiql-theme.ts';

const SDL = import.meta.glob<string>('../../schema/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const schema = buildSchema(Object.values(SDL).join('\n'));

async function initialToken(): Promise<string | null> {
  const stored = readToken();
  if (stored !== null) return stored;
  const viewer = (await demoOrganizations())?.[0];
  if (viewer === undefined) return null;
  const token = await demoToken(viewer.id);
  storeToken(token);
  return token;
}

async function main(): Promise<void> {
  const container = document.getElementById('graphiql');
  if (container === null) return;
  const token = await initialToken().catch(() => null);
  // The module GraphiQL loads its editors from, so that the theme is known before they are made.
  const monaco = await import('monaco-graphql/esm/monaco-editor.js');
  monaco.editor.defineTheme(DARK_EDITOR_THEME, darkEditorTheme);
  // GraphiQL's fetcher POSTs with content-type application/json, which Apollo's CSRF protection allows.
  // The token is also a default header of the fetcher: GraphiQL introspects the schema before its header
  // editor is ready. A header typed into the editor overrides it.
  const fetcher = createGraphiQLFetcher({
    url: new URL('/graphql', window.location.href).href,
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher,
      schema,
      defaultTabs: exampleTabs(token),
      defaultHeaders: authorizationHeaders(token),
      initialHeaders: authorizationHeaders(token),
      shouldPersistHeaders: false,
      defaultEditorToolsVisibility: 'headers',
      editorTheme: { dark: DARK_EDITOR_THEME, light: 'graphiql-LIGHT' },
    }),
  );
}

void main();
