/** @jsxImportSource react */
/**
 * A small React app of the kind exchanges build: a news feed whose items
 * React re-renders, edits in place (text node `nodeValue` updates), reorders
 * and removes. The test drives it through `window.reactApp`.
 */
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

interface Item {
  id: number;
  text: string;
}

const initial: Item[] = [
  { id: 1, text: 'Traders watched the funding rate climb.' },
  { id: 2, text: 'An open interest collapse followed the liquidation cascade.' },
  { id: 3, text: 'Market makers widened quotes during the short squeeze.' },
];

let setItems: (items: Item[]) => void = () => undefined;
let current = initial;

function App() {
  const [items, set] = useState(initial);
  setItems = (next) => {
    current = next;
    flushSync(() => set(next));
  };
  return (
    <ul id="feed">
      {items.map((item) => (
        <li key={item.id}>
          {/* Several text children: React updates each text node's nodeValue in place. */}
          <span className="tag">#{item.id}</span> {item.text} {'(updated ' + item.id + ')'}
          {/* A single text child: React replaces it through textContent. */}
          <p className="single">{item.text}</p>
        </li>
      ))}
    </ul>
  );
}

function expectedText(): string {
  return current.map((i) => `#${i.id} ${i.text} (updated ${i.id})${i.text}`).join('');
}

createRoot(document.getElementById('root')!).render(<App />);
Object.assign(window, {
  reactApp: {
    items: () => current,
    setItems: (next: Item[]) => setItems(next),
    expectedText,
  },
});
