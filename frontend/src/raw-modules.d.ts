// Text files a unit test imports as strings (Vite's ?raw).
declare module '*?raw' {
  const text: string;
  export default text;
}

// antd's static stylesheet, made by scripts/antd-css.ts at build time.
declare module 'virtual:antd.css';
