// Renderer entry. The desktop UI (gallery, meeting, report) arrives with the
// desktop-app issue; for now the page says where to practise.
import { createRoot } from 'react-dom/client';

function App() {
  return (
    <main>
      <h1>First Meeting</h1>
      <p>The practice app is coming. Use the command line: npm run --silent cli -- --help</p>
    </main>
  );
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
