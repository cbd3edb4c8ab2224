// GraphiQL's dark editor theme builds on Monaco's vs-dark, whose comment green (#608b4e) reads 3.63:1
// on GraphiQL's dark background (#212a3b): under WCAG 1.4.3's 4.5:1, and the example tabs open with
// comments. A page cannot change GraphiQL's theme, but it may name its own (`editorTheme`): this one is
// GraphiQL's dark theme with a lighter comment colour.
import type { editor } from 'monaco-editor';

export const DARK_EDITOR_THEME = 'tiersight-dark';

/** GraphiQL's dark background and accent (@graphiql/react's MONACO_THEME_DATA, not exported). */
const BACKGROUND = '#212a3b';
const ACCENT = '#ff5794';
const ACCENT_BACKGROUND = '#ff579419';

export const darkEditorTheme: editor.IStandaloneThemeData = {
  base: 'vs-dark',
  inherit: true,
  colors: {
    // Transparent: the editors show GraphiQL's own background, as under its theme.
    'editor.background': '#ffffff00',
    'scrollbar.shadow': '#ffffff00',
    'editorWidget.background': BACKGROUND,
    'editorHoverWidget.background': BACKGROUND,
    'editorSuggestWidget.background': BACKGROUND,
    'editorSuggestWidget.selectedBackground': ACCENT_BACKGROUND,
    'editorSuggestWidget.selectedForeground': ACCENT,
    'list.highlightForeground': ACCENT,
    focusBorder: ACCENT,
  },
  rules: [
    { token: 'argument.identifier.gql', foreground: '#908aff' },
    // 6.4:1 on the background above.
    { token: 'comment', foreground: '#8fb97a' },
  ],
};
