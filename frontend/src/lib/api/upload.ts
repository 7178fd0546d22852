/** Sends one file as multipart/form-data field "file" (openapi-fetch would send JSON). */
export function fileBody(file: File) {
  return {
    body: { file } as never,
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', file);
      return form;
    },
  };
}
