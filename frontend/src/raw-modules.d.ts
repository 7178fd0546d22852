// Text files a unit test imports as strings (Vite's ?raw).
declare module '*?raw' {
  const text: string;
  export default text;
}
