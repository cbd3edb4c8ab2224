// Entry of the dashboard page (web/index.html).
import './styles.css';
import { start } from './app.ts';

const root = document.getElementById('app');
if (root !== null) void start(root);
